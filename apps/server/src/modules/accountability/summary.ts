/**
 * The accountability view's figures: lapses by person (those answerable directly, and how many
 * of others' lapses they stand above in the chain), by unit (each village with its chain, and
 * the township for what belongs to no village) and by 派出单位 (whose head answers with the cadres
 * it sent), and the filter the list and export share.
 */
import type { Accountability, ChainEntry, ChainLink, LapseKind, OrgIndex } from '@fupin/domain';
import type { Place } from '../dashboard/context';
import type { Lapse } from './lapses';

export interface LapseFilterInput {
  kind?: LapseKind | undefined;
  duty?: Lapse['duty'] | undefined;
  state?: Lapse['state'] | undefined;
  /** a village's id, or `none` for the lapses that belong to no village (the township's own) */
  villageId?: string | undefined;
  userId?: string | undefined;
  sendingUnit?: string | undefined;
}

/** The 派出单位 a unit-head entry stands for: its name, or `none` when the cadre's unit is not recorded. */
export function sendingUnitKey(e: ChainEntry): string {
  return e.unitName ?? 'none';
}

/** The 派出单位 whose heads a lapse names, each once. */
function sendingUnitsOf(l: Lapse): ChainEntry[] {
  const seen = new Set<string>();
  return [...l.responsible, ...l.chain].filter((e) => {
    if (e.link !== 'unit_head' || seen.has(sendingUnitKey(e))) return false;
    seen.add(sendingUnitKey(e));
    return true;
  });
}

/** Whether a lapse passes the list's filters (userId: the person answers for it directly). */
export function matches(l: Lapse, f: LapseFilterInput): boolean {
  return (
    (!f.kind || l.kind === f.kind) &&
    (!f.duty || l.duty === f.duty) &&
    (!f.state || l.state === f.state) &&
    (!f.villageId || l.villageId === (f.villageId === 'none' ? null : f.villageId)) &&
    (!f.userId || l.responsible.some((e) => e.userId === f.userId)) &&
    (!f.sendingUnit || sendingUnitsOf(l).some((e) => sendingUnitKey(e) === f.sendingUnit))
  );
}

type Figures = Accountability['totals'];

const zero = (): Figures => ({
  lapses: 0,
  missing: 0,
  late: 0,
  maxDaysLate: 0,
  byKind: { visit: 0, inspect: 0, rectify: 0, advance: 0 },
});

function count(f: Figures, l: Lapse): void {
  f.lapses++;
  f[l.state]++;
  f.maxDaysLate = Math.max(f.maxDaysLate, l.daysLate);
  f.byKind[l.kind]++;
}

export function summarize(
  place: Place,
  lapses: readonly Lapse[],
  org: OrgIndex,
  villages: readonly { id: string; name: string }[],
): Accountability {
  const totals = zero();
  const people = new Map<string, Figures & { userId: string; name: string; links: Set<ChainLink>; asChain: number }>();
  const person = (e: ChainEntry) => {
    const id = e.userId as string;
    let p = people.get(id);
    if (!p) {
      p = { ...zero(), userId: id, name: e.name ?? '', links: new Set(), asChain: 0 };
      people.set(id, p);
    }
    p.links.add(e.link);
    return p;
  };
  const units = new Map<string, Figures>();
  const sending = new Map<string, Accountability['sendingUnits'][number]>();
  const unitOf = (id: string) => {
    let u = units.get(id);
    if (!u) {
      u = zero();
      units.set(id, u);
    }
    return u;
  };
  for (const l of lapses) {
    count(totals, l);
    const direct = new Set<string>();
    for (const e of l.responsible) {
      if (!e.userId || direct.has(e.userId)) continue;
      direct.add(e.userId);
      count(person(e), l);
    }
    const above = new Set<string>();
    for (const e of l.chain) {
      if (!e.userId || direct.has(e.userId) || above.has(e.userId)) continue;
      above.add(e.userId);
      person(e).asChain++;
    }
    count(unitOf(l.villageId ?? place.township.id), l);
    for (const e of sendingUnitsOf(l)) {
      const key = sendingUnitKey(e);
      let s = sending.get(key);
      if (!s) {
        s = { ...zero(), name: e.unitName, headName: e.name, headTitle: e.title };
        sending.set(key, s);
      }
      count(s, l);
    }
  }
  const at = (villageId: string | null) => ({ townshipId: place.township.id, villageId });
  const unitRows: Accountability['units'] = villages.map((v) => ({
    unitId: v.id,
    unitName: v.name,
    kind: 'village' as const,
    ...(units.get(v.id) ?? zero()),
    chain: [
      ...org.entries('village_committee', at(v.id)),
      ...org.entries('first_secretary', at(v.id)),
      ...org.entries('stationed_leader', at(v.id)),
    ],
  }));
  if (!place.villageId)
    unitRows.push({
      unitId: place.township.id,
      unitName: place.township.name,
      kind: 'township',
      ...(units.get(place.township.id) ?? zero()),
      chain: [...org.entries('township_office', at(null)), ...org.entries('town_leader', at(null))],
    });
  return {
    unit: place.unit,
    township: place.township,
    campaign: place.campaign ? { id: place.campaign.id, year: place.campaign.year, name: place.campaign.name } : null,
    today: place.today,
    totals,
    people: [...people.values()]
      .map((p) => ({ ...p, links: [...p.links] }))
      .sort(
        (a, b) => b.lapses - a.lapses || b.maxDaysLate - a.maxDaysLate || b.asChain - a.asChain || a.name.localeCompare(b.name),
      ),
    units: unitRows,
    sendingUnits: [...sending.values()].sort(
      (a, b) => b.lapses - a.lapses || b.maxDaysLate - a.maxDaysLate || (a.name ?? '').localeCompare(b.name ?? ''),
    ),
  };
}
