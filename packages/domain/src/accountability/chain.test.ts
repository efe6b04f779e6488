import { describe, expect, it } from 'vitest';
import type { Role } from '../roles';
import {
  type ChainEntry,
  type ChainFacts,
  isVacant,
  type OrgHolder,
  OrgIndex,
  responsibleChain,
  type SendingUnit,
} from './chain';
import type { ChainLink, LapseDuty } from './vocabulary';

const T = 'T';
const V1 = 'V1';
const V2 = 'V2';
const holder = (
  userId: string,
  role: Role,
  unitId: string,
  title: string | null = null,
  sector: string | null = null,
): OrgHolder => ({
  userId,
  name: `${userId}名`,
  role,
  unitId,
  unitName: unitId === T ? '清溪镇' : `${unitId}村`,
  title,
  sector,
});

const TRANSPORT = { id: 'W1', name: '县交通运输局', headName: '王局长', headTitle: '局长' };

// V1 has everybody; V2 has a village secretary only (no first secretary, no stationed leader).
const ORG = new OrgIndex(
  [
    holder('admin', 'township_admin', T, '扶贫办主任'),
    holder('leader', 'town_leader', T, '副镇长'),
    holder('leader', 'town_leader', V1, '驻村领导'),
    holder('edu', 'sector_leader', T, '分管教育', 'education'),
    holder('v1', 'village_staff', V1, '村书记'),
    holder('fs1', 'village_staff', V1, '第一书记'),
    holder('v2', 'village_staff', V2, '村书记'),
    holder('cadre1', 'cadre', V1),
    holder('cadre2', 'cadre', V1),
    holder('cadre3', 'cadre', V1),
    holder('cadre4', 'cadre', V1),
  ],
  new Map([['outsider', '外单位干部']]),
  // cadre1 and cadre3 come from the transport bureau; cadre4's unit has no head on record; cadre2's unit is not recorded.
  new Map<string, SendingUnit>([
    ['cadre1', TRANSPORT],
    ['cadre3', TRANSPORT],
    ['cadre4', { id: 'W2', name: '县水利局', headName: null, headTitle: null }],
    ['outsider', { id: 'W3', name: '县教育局', headName: '赵局长', headTitle: '局长' }],
  ]),
);

const facts = (duty: LapseDuty, more: Partial<ChainFacts> = {}): ChainFacts => ({
  duty,
  townshipId: T,
  villageId: V1,
  sector: null,
  namedUserIds: [],
  cadreIds: [],
  ...more,
});

/** A chain as "link:user" strings (a unit head by name), vacant links as "link:—". */
const names = (entries: ChainEntry[]) => entries.map((e) => `${e.link}:${e.userId ?? e.name ?? '—'}`);

describe('responsibleChain', () => {
  it.each<[string, ChainFacts, string[], string[]]>([
    [
      'a paired visit: the cadre, then the head of the unit that sent them, the village, its stationed leader, the office',
      facts('paired_visit', { cadreIds: ['cadre1'] }),
      ['cadre:cadre1'],
      ['unit_head:王局长', 'village_committee:v1', 'first_secretary:fs1', 'stationed_leader:leader', 'township_office:admin'],
    ],
    [
      'a paired visit by a cadre whose sending unit is not recorded, or has no head: the seat says vacant',
      facts('paired_visit', { cadreIds: ['cadre2'] }),
      ['cadre:cadre2'],
      ['unit_head:—', 'village_committee:v1', 'first_secretary:fs1', 'stationed_leader:leader', 'township_office:admin'],
    ],
    [
      'two cadres of one unit and one of another: each unit’s head once',
      facts('paired_visit', { cadreIds: ['cadre1', 'cadre3', 'cadre4'] }),
      ['cadre:cadre1', 'cadre:cadre3', 'cadre:cadre4'],
      [
        'unit_head:王局长',
        'unit_head:—',
        'village_committee:v1',
        'first_secretary:fs1',
        'stationed_leader:leader',
        'township_office:admin',
      ],
    ],
    [
      'a survey visit in a village with no first secretary and no stationed leader: the seats say vacant',
      facts('survey_visit', { villageId: V2 }),
      ['village_committee:v2', 'first_secretary:—'],
      ['stationed_leader:—', 'township_office:admin'],
    ],
    [
      'a site self-check',
      facts('site_check'),
      ['village_committee:v1', 'first_secretary:fs1'],
      ['stationed_leader:leader', 'township_office:admin'],
    ],
    [
      'a village summary not reported',
      facts('visit_summary'),
      ['village_committee:v1', 'first_secretary:fs1'],
      ['stationed_leader:leader', 'township_office:admin'],
    ],
    [
      'a sector sweep: the sector leader, then the office and the town leaders',
      facts('sector_sweep', { sector: 'education' }),
      ['sector_leader:edu'],
      ['township_office:admin', 'town_leader:leader'],
    ],
    [
      'a sector nobody leads',
      facts('sector_sweep', { sector: 'water' }),
      ['sector_leader:—'],
      ['township_office:admin', 'town_leader:leader'],
    ],
    [
      'an order: its persons answerable, one of them from outside the township’s roles',
      facts('order', { villageId: null, namedUserIds: ['v1', 'outsider'] }),
      ['responsible:v1', 'responsible:outsider'],
      ['unit_head:赵局长', 'township_office:admin', 'town_leader:leader'],
    ],
    [
      'a village problem with nobody named: the village, then the household’s cadre and those above',
      facts('problem', { level: 'village', cadreIds: ['cadre1'] }),
      ['village_committee:v1', 'first_secretary:fs1'],
      ['cadre:cadre1', 'unit_head:王局长', 'stationed_leader:leader', 'township_office:admin', 'town_leader:leader'],
    ],
    [
      'a problem given to the household’s own cadre: the cadre answers, their unit’s head is named once',
      facts('problem', { level: 'village', namedUserIds: ['cadre1'], cadreIds: ['cadre1'] }),
      ['responsible:cadre1'],
      [
        'unit_head:王局长',
        'village_committee:v1',
        'first_secretary:fs1',
        'stationed_leader:leader',
        'township_office:admin',
        'town_leader:leader',
      ],
    ],
    [
      'an escalated education problem: its sector leader answers, the village stays in the chain',
      facts('problem', { level: 'township', sector: 'education' }),
      ['sector_leader:edu'],
      ['village_committee:v1', 'first_secretary:fs1', 'stationed_leader:leader', 'township_office:admin', 'town_leader:leader'],
    ],
    [
      'a township problem of no sector and no village: the office',
      facts('problem', { level: 'township', villageId: null }),
      ['township_office:admin'],
      ['town_leader:leader'],
    ],
    [
      'a problem with a named person who is also the village secretary: not listed twice',
      facts('problem', { level: 'village', namedUserIds: ['v1'], sector: 'education' }),
      ['responsible:v1'],
      ['first_secretary:fs1', 'stationed_leader:leader', 'sector_leader:edu', 'township_office:admin', 'town_leader:leader'],
    ],
  ])('%s', (_label, f, responsible, chain) => {
    const r = responsibleChain(f, ORG);
    expect(names(r.responsible)).toEqual(responsible);
    expect(names(r.chain)).toEqual(chain);
  });

  it('names a unit head by name, title and unit, without an account; a vacant seat has neither', () => {
    const [head] = ORG.unitHeads(['cadre1'], true);
    expect(head).toEqual({ link: 'unit_head', userId: null, name: '王局长', title: '局长', unitName: '县交通运输局' });
    expect(isVacant(head as ChainEntry)).toBe(false);
    expect(ORG.unitHeads(['cadre2', 'v1'], true).map(isVacant)).toEqual([true]);
    expect(ORG.unitHeads(['cadre2', 'v1'], false)).toEqual([]);
    expect(isVacant({ userId: 'v1', name: null })).toBe(false);
  });

  it('names people with their title and unit, and outsiders by the names given', () => {
    const r = responsibleChain(facts('order', { namedUserIds: ['fs1', 'outsider', 'ghost'] }), ORG);
    expect(r.responsible).toEqual([
      { link: 'responsible', userId: 'fs1', name: 'fs1名', title: '第一书记', unitName: 'V1村' },
      { link: 'responsible', userId: 'outsider', name: '外单位干部', title: null, unitName: null },
      { link: 'responsible', userId: 'ghost', name: null, title: null, unitName: null },
    ]);
  });

  it('finds the holders of each link only at their own place', () => {
    const at = { townshipId: T, villageId: V2 };
    const links: ChainLink[] = ['village_committee', 'first_secretary', 'stationed_leader', 'township_office', 'town_leader'];
    expect(links.map((l) => ORG.holdersOf(l, at).map((h) => h.userId))).toEqual([['v2'], [], [], ['admin'], ['leader']]);
    expect(ORG.holdersOf('sector_leader', { ...at, sector: 'education' }).map((h) => h.userId)).toEqual(['edu']);
    expect(ORG.holdersOf('sector_leader', { ...at, townshipId: 'T2', sector: 'education' })).toEqual([]);
  });
});
