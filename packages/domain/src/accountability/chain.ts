/**
 * Naming the responsible chain of a lapsed duty (DOMAIN §7: stationed leader, sector leader,
 * cadre, village committee, unit head) from what the org model holds: role assignments with
 * their titles and sectors, pairings, and the person a problem or an order names. Pure, so it
 * is tested as a table and the export and the page name the same people.
 *
 * A link that applies but that nobody holds is returned vacant (no person, no name) instead of
 * being left out: an empty seat is itself a finding for the discipline commission. A sending
 * unit's head is named without an account (userId null, name set).
 */
import type { Role } from '../roles';
import type { ChainLink, LapseDuty } from './vocabulary';

/** The title that marks a village staff assignment as the first secretary (驻村第一书记). */
export const FIRST_SECRETARY_TITLE = '第一书记';

/** One role assignment of a person, as the chain needs it. */
export interface OrgHolder {
  userId: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  title: string | null;
  sector: string | null;
}

export interface ChainEntry {
  link: ChainLink;
  userId: string | null;
  name: string | null;
  title: string | null;
  unitName: string | null;
}

/** A seat nobody holds: neither an account nor a name. */
export function isVacant(entry: Pick<ChainEntry, 'userId' | 'name'>): boolean {
  return entry.userId === null && entry.name === null;
}

/** The 派出单位 a person was sent from, with its head, as the chain names it. */
export interface SendingUnit {
  id: string;
  name: string;
  headName: string | null;
  headTitle: string | null;
}

export interface ChainFacts {
  duty: LapseDuty;
  townshipId: string;
  villageId: string | null;
  /** the sector of a sweep, or of a problem whose category is a sector's (education, medical, housing, water) */
  sector: string | null;
  /** a problem's responsible person, an order's persons answerable */
  namedUserIds: readonly string[];
  /** the cadres paired with the household concerned (for a paired visit: the one cadre) */
  cadreIds: readonly string[];
  /** a problem's level: a township-level one is the township's (or its sector leader's) to fix */
  level?: 'village' | 'township';
}

export interface Chain {
  responsible: ChainEntry[];
  chain: ChainEntry[];
}

/** Finds the holders of each link around a village and a township. */
export class OrgIndex {
  private readonly names: ReadonlyMap<string, string>;
  /** holders by role and unit: a township's thousands of lapses look up the same few seats */
  private readonly byRoleUnit = new Map<string, OrgHolder[]>();
  private readonly firstRole = new Map<string, OrgHolder>();

  /**
   * `names` gives the display name of people who hold no role here (a named person, a cadre moved
   * away); `sentFrom` the 派出单位 of the people who have one, by user id.
   */
  constructor(
    holders: readonly OrgHolder[],
    names: ReadonlyMap<string, string> = new Map(),
    private readonly sentFrom: ReadonlyMap<string, SendingUnit> = new Map(),
  ) {
    const all = new Map(names);
    for (const h of holders) {
      all.set(h.userId, h.name);
      const key = `${h.role}|${h.unitId}`;
      this.byRoleUnit.set(key, [...(this.byRoleUnit.get(key) ?? []), h]);
      if (!this.firstRole.has(h.userId)) this.firstRole.set(h.userId, h);
    }
    this.names = all;
  }

  private at(role: Role, unitId: string | null): OrgHolder[] {
    return unitId ? (this.byRoleUnit.get(`${role}|${unitId}`) ?? []) : [];
  }

  /** The holders of a link at a place; `sector` for sector leaders. */
  holdersOf(link: ChainLink, at: { townshipId: string; villageId: string | null; sector?: string | null }): OrgHolder[] {
    const v = at.villageId;
    switch (link) {
      case 'village_committee':
        return this.at('village_staff', v).filter((h) => h.title !== FIRST_SECRETARY_TITLE);
      case 'first_secretary':
        return this.at('village_staff', v).filter((h) => h.title === FIRST_SECRETARY_TITLE);
      case 'stationed_leader':
        return this.at('town_leader', v);
      case 'sector_leader':
        return at.sector ? this.at('sector_leader', at.townshipId).filter((h) => h.sector === at.sector) : [];
      case 'township_office':
        return this.at('township_admin', at.townshipId);
      case 'town_leader':
        return this.at('town_leader', at.townshipId);
      default:
        return [];
    }
  }

  /** Entries for a link: one per holder, or one vacant entry when nobody holds it. */
  entries(link: ChainLink, at: { townshipId: string; villageId: string | null; sector?: string | null }): ChainEntry[] {
    const found = this.holdersOf(link, at);
    if (found.length === 0) return [{ link, userId: null, name: null, title: null, unitName: null }];
    return found.map((h) => ({ link, userId: h.userId, name: h.name, title: h.title, unitName: h.unitName }));
  }

  /** Entries for named people (a cadre, a problem's responsible person), whatever roles they hold. */
  people(link: ChainLink, ids: readonly string[]): ChainEntry[] {
    return ids.map((id) => {
      const role = this.firstRole.get(id);
      return { link, userId: id, name: this.names.get(id) ?? null, title: role?.title ?? null, unitName: role?.unitName ?? null };
    });
  }

  /**
   * The heads of the units the given people were sent from, one entry per unit. `vacantIfNone`:
   * a cadre sent from no recorded unit, or from one without a head, leaves the seat vacant (a
   * cadre is always sent by someone); a named person without a sending unit adds nothing.
   */
  unitHeads(ids: readonly string[], vacantIfNone: boolean): ChainEntry[] {
    const out: ChainEntry[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const unit = this.sentFrom.get(id);
      if (!unit && !vacantIfNone) continue;
      const key = unit?.id ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        link: 'unit_head',
        userId: null,
        name: unit?.headName ?? null,
        title: unit?.headTitle ?? null,
        unitName: unit?.name ?? null,
      });
    }
    return out;
  }
}

/** The links answerable first for a duty, then the links above them, by duty (see vocabulary.ts). */
export function responsibleChain(facts: ChainFacts, org: OrgIndex): Chain {
  const at = { townshipId: facts.townshipId, villageId: facts.villageId, sector: facts.sector };
  const village = (): ChainEntry[] =>
    facts.villageId ? [...org.entries('village_committee', at), ...org.entries('first_secretary', at)] : [];
  const stationed = (): ChainEntry[] => (facts.villageId ? org.entries('stationed_leader', at) : []);
  const office = () => org.entries('township_office', at);
  const leaders = () => org.entries('town_leader', at);
  let responsible: ChainEntry[];
  let chain: ChainEntry[];
  switch (facts.duty) {
    case 'paired_visit':
      responsible = org.people('cadre', facts.cadreIds);
      chain = [...org.unitHeads(facts.cadreIds, true), ...village(), ...stationed(), ...office()];
      break;
    case 'survey_visit':
    case 'site_check':
    case 'visit_summary':
    case 'inspection_summary':
      responsible = village();
      chain = [...stationed(), ...office()];
      break;
    case 'sector_sweep':
      responsible = org.entries('sector_leader', at);
      chain = [...office(), ...leaders()];
      break;
    case 'order':
      responsible = org.people('responsible', facts.namedUserIds);
      chain = [...org.unitHeads(facts.namedUserIds, false), ...office(), ...leaders()];
      break;
    case 'problem': {
      const sector = facts.sector ? org.entries('sector_leader', at) : [];
      // Nobody named: the level decides — the village fixes its own, the township (its sector leader when the category has one) the rest.
      if (facts.namedUserIds.length > 0) responsible = org.people('responsible', facts.namedUserIds);
      else if (facts.level === 'village' && facts.villageId) responsible = village();
      else responsible = facts.sector ? sector : office();
      chain = [
        ...org.unitHeads(facts.namedUserIds, false),
        ...org.people('cadre', facts.cadreIds),
        ...org.unitHeads(facts.cadreIds, true),
        ...(responsible.some((e) => e.link === 'village_committee') ? [] : village()),
        ...stationed(),
        ...(responsible.some((e) => e.link === 'sector_leader') ? [] : sector),
        ...(responsible.some((e) => e.link === 'township_office') ? [] : office()),
        ...leaders(),
      ];
      break;
    }
  }
  // A person answerable directly is not listed again above themselves under another link.
  const direct = new Set(responsible.map((e) => e.userId).filter((id): id is string => id !== null));
  // A sending unit's head is named once, however many of the people listed it sent.
  const named = new Set<string>();
  const once = (e: ChainEntry) => {
    if (e.userId !== null || e.name === null) return true;
    const key = `${e.link}|${e.unitName}|${e.name}`;
    if (named.has(key)) return false;
    named.add(key);
    return true;
  };
  return { responsible, chain: chain.filter((e) => (e.userId === null || !direct.has(e.userId)) && once(e)) };
}
