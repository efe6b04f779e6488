/**
 * Generates a synthetic township: villages and groups, households with members, cadres paired
 * with registered households, and an account for every role. Deterministic for a seed.
 * Names are made up, ID numbers carry valid check digits on a fictional area code, and no real
 * person is described.
 */
import { addDays, ageOn, buildIdNumber, type Role, type Sector, shanghaiDate } from '@fupin/domain';
import { pinyinKey } from '../lib/pinyin';
import { FEMALE_CHARS, GROUP_NUMERALS, HAZARD_POINTS, INDUSTRIES, MALE_CHARS, SURNAMES, VILLAGE_NAMES } from './names';
import { Random } from './random';
import { assignSendingUnits } from './sending-units';

export const UNIT_COLUMNS = [
  'id',
  'kind',
  'parent_id',
  'county_id',
  'township_id',
  'village_id',
  'code',
  'name',
  'sort_order',
  'created_at',
  'updated_at',
] as const;
export const HOUSEHOLD_COLUMNS = [
  'township_id',
  'id',
  'village_id',
  'group_id',
  'household_number',
  'head_name',
  'head_pinyin',
  'address',
  'phone',
  'poverty_status',
  'exit_year',
  'tags',
  'housing_structure',
  'other_safe_house',
  'housing_grade',
  'hazard_point',
  'water_quantity_ok',
  'water_quality_ok',
  'water_convenience_ok',
  'water_reliability_ok',
  'income_year',
  'wage_income',
  'business_income',
  'property_income',
  'transfer_income',
  'industry_projects',
  'assistance_measures',
  'industry_failed',
  'employment_unstable',
  'low_motivation_note',
  'risk_note',
  'latitude',
  'longitude',
  'created_at',
  'updated_at',
] as const;
export const MEMBER_COLUMNS = [
  'township_id',
  'id',
  'household_id',
  'name',
  'name_pinyin',
  'id_number',
  'relation',
  'sex',
  'birth_date',
  'marital_status',
  'labour_capacity',
  'health',
  'disability_grade',
  'schooling_stage',
  'employment',
  'medical_insurance',
  'serious_illness_insurance',
  'pension_insurance',
  'status',
  'sort_order',
  'created_at',
  'updated_at',
] as const;
export const PAIRING_COLUMNS = ['township_id', 'household_id', 'cadre_id', 'since', 'created_at'] as const;

export interface SyntheticUser {
  id: string;
  username: string;
  displayName: string;
  homeUnitId: string;
  /** 派出单位 of a cadre (sending-units.ts) */
  workUnitId?: string;
  roles: { id: string; role: Role; unitId: string; sector: Sector | null; title: string | null }[];
}

export interface TownshipPlan {
  seed: number;
  countyId: string;
  /** 12-digit code of the county; its first 6 digits are the area code of the ID numbers */
  countyCode: string;
  townshipId: string;
  townshipName: string;
  /** township code's 3 digits after the county's 6 */
  townshipDigits: string;
  villages: number;
  households: number;
  /** how many registered households are not yet out of poverty */
  notOut: number;
  /** prefix of every username, e.g. "" for the demo or "t03." in a county set */
  usernamePrefix: string;
  /** the year the data describes */
  year: number;
  now: Date;
  centre: { lat: number; lng: number };
  /** sizes a household other than an elderly person alone is drawn from (default: 3.39 people a household overall) */
  householdSizes?: readonly number[];
}

/** A household's size is drawn from this list, unless the plan names its own. */
export const HOUSEHOLD_SIZES: readonly number[] = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6];

export interface SyntheticTownship {
  units: unknown[][];
  households: unknown[][];
  members: unknown[][];
  pairings: unknown[][];
  users: SyntheticUser[];
  /** rows of WORK_UNIT_COLUMNS */
  workUnits: unknown[][];
  counts: { villages: number; groups: number; households: number; members: number; registered: number; cadres: number };
}

function personName(r: Random, surname: string, sex: 'male' | 'female'): string {
  const chars = sex === 'male' ? MALE_CHARS : FEMALE_CHARS;
  return surname + r.pick(chars) + (r.chance(0.7) ? r.pick(chars) : '');
}

function schoolingAt(age: number, r: Random): string {
  if (age < 3) return 'not_in_school';
  if (age <= 5) return 'preschool';
  if (age <= 11) return 'primary';
  if (age <= 14) return 'junior';
  if (age <= 17) return r.chance(0.6) ? 'senior' : 'secondary_vocational';
  if (age <= 21 && r.chance(0.45)) return r.pick(['higher_vocational', 'college', 'undergraduate']);
  return 'not_in_school';
}

export function generateTownship(plan: TownshipPlan): SyntheticTownship {
  const r = new Random(plan.seed);
  const now = plan.now;
  // Everyone is born before the data's own date, so no ID number carries a future birth date.
  const refDate = shanghaiDate(now);
  const areaCode = plan.countyCode.slice(0, 6);
  const townshipCode = `${areaCode}${plan.townshipDigits}000`;
  const units: unknown[][] = [];
  const villages: { id: string; name: string; groups: { id: string; name: string }[]; lat: number; lng: number }[] = [];
  units.push([
    plan.townshipId,
    'township',
    plan.countyId,
    plan.countyId,
    plan.townshipId,
    null,
    townshipCode,
    `${plan.townshipName}镇`,
    0,
    now,
    now,
  ]);
  for (let v = 0; v < plan.villages; v++) {
    const id = r.uuid();
    const name = `${VILLAGE_NAMES[v % VILLAGE_NAMES.length]}${v >= VILLAGE_NAMES.length ? Math.floor(v / VILLAGE_NAMES.length) + 1 : ''}村`;
    const code = `${townshipCode.slice(0, 9)}${String(200 + v + 1).padStart(3, '0')}`;
    units.push([id, 'village', plan.townshipId, plan.countyId, plan.townshipId, null, code, name, v + 1, now, now]);
    const groups: { id: string; name: string }[] = [];
    const groupCount = r.int(6, 10);
    for (let g = 0; g < groupCount; g++) {
      const gid = r.uuid();
      const gname = `${GROUP_NUMERALS[g]}组`;
      units.push([gid, 'group', id, plan.countyId, plan.townshipId, id, null, gname, g + 1, now, now]);
      groups.push({ id: gid, name: gname });
    }
    villages.push({
      id,
      name,
      groups,
      lat: plan.centre.lat + r.next() * 0.1 - 0.05,
      lng: plan.centre.lng + r.next() * 0.1 - 0.05,
    });
  }

  const households: unknown[][] = [];
  const members: unknown[][] = [];
  const usedIds = new Set<string>();
  const registeredByVillage = new Map<string, string[]>();
  let registered = 0;
  const registeredRows: unknown[][] = [];
  const registeredShare = 0.2;

  for (let h = 0; h < plan.households; h++) {
    const village = villages[Math.floor((h * villages.length) / plan.households)] as (typeof villages)[number];
    const group = r.pick(village.groups);
    const householdId = r.uuid();
    const surname = r.pick(SURNAMES);
    const isRegistered = r.chance(registeredShare);
    const elderlySingle = r.chance(0.06);
    const size = elderlySingle ? 1 : r.pick(plan.householdSizes ?? HOUSEHOLD_SIZES);
    const headSex: 'male' | 'female' = r.chance(0.82) ? 'male' : 'female';
    const headAge = elderlySingle ? r.int(45, 88) : r.int(28, 78);
    const people: { name: string; sex: 'male' | 'female'; age: number; relation: string; marital: string }[] = [];
    const headName = personName(r, surname, headSex);
    people.push({
      name: headName,
      sex: headSex,
      age: headAge,
      relation: 'head',
      marital: elderlySingle
        ? r.pick(['unmarried', 'widowed', 'divorced'])
        : size === 1
          ? r.pick(['unmarried', 'widowed', 'divorced', 'married'])
          : 'married',
    });
    if (size >= 2 && people[0]?.marital === 'married') {
      const sex = headSex === 'male' ? 'female' : 'male';
      people.push({
        name: personName(r, r.pick(SURNAMES), sex),
        sex,
        age: Math.max(20, headAge + r.int(-5, 4)),
        relation: 'spouse',
        marital: 'married',
      });
    }
    while (people.length < size) {
      const sex: 'male' | 'female' = r.chance(0.52) ? 'male' : 'female';
      if (headAge > 62 && r.chance(0.4)) {
        people.push({ name: personName(r, surname, sex), sex, age: r.int(2, 16), relation: 'grandchild', marital: 'unmarried' });
      } else if (headAge < 50 && r.chance(0.15)) {
        people.push({
          name: personName(r, surname, sex),
          sex,
          age: Math.min(95, headAge + r.int(22, 32)),
          relation: 'parent',
          marital: r.pick(['married', 'widowed']),
        });
      } else {
        const age = Math.max(0, headAge - r.int(22, 36));
        people.push({
          name: personName(r, surname, sex),
          sex,
          age,
          relation: sex === 'male' ? 'son' : 'daughter',
          marital: age >= 24 && r.chance(0.6) ? 'married' : 'unmarried',
        });
      }
    }

    let wage = 0;
    let business = 0;
    let transfer = 0;
    const memberRows: unknown[][] = [];
    people.forEach((p, i) => {
      const birth = addDays(refDate, -(p.age * 365 + r.int(0, 360)));
      const age = ageOn(birth, refDate);
      let idNumber = '';
      do idNumber = buildIdNumber(areaCode, birth, r.int(0, 999), p.sex);
      while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const health = r.chance(0.85) ? 'healthy' : r.pick(['chronic', 'chronic', 'serious', 'disabled']);
      let labour = 'none';
      if (age >= 16 && age <= 60)
        labour = health === 'serious' ? 'lost' : health === 'disabled' ? 'weak' : r.chance(0.15) ? 'skilled' : 'normal';
      else if (age > 60 && age <= 70) labour = health === 'healthy' ? 'weak' : 'lost';
      else if (age > 70) labour = 'lost';
      const schooling = age <= 22 ? schoolingAt(age, r) : 'not_in_school';
      const working = (labour === 'normal' || labour === 'skilled') && schooling === 'not_in_school' && r.chance(0.7);
      const employment = working
        ? r.pick([
            'local',
            'in_county',
            'in_province',
            'out_of_province',
            'out_of_province',
            'public_welfare_job',
            'self_employed',
          ])
        : 'none';
      if (working) wage += r.int(8, 45) * 1000;
      if (age > 60) transfer += r.int(12, 30) * 100;
      memberRows.push([
        plan.townshipId,
        r.uuid(),
        householdId,
        p.name,
        pinyinKey(p.name),
        idNumber,
        p.relation,
        p.sex,
        birth,
        age >= 18 ? p.marital : 'unmarried',
        labour,
        health,
        health === 'disabled' ? r.int(1, 4) : null,
        schooling,
        employment,
        r.chance(0.97),
        r.chance(0.95),
        age >= 16 && age <= 60 ? r.chance(0.8) : null,
        'current',
        i,
        now,
        now,
      ]);
    });
    const industry = isRegistered ? r.chance(0.7) : r.chance(0.3);
    if (industry) business = r.int(2, 20) * 1000;
    if (isRegistered) transfer += r.int(10, 60) * 100;
    const status = isRegistered ? 'exited' : 'none';
    const exitYear = isRegistered ? r.int(2015, Math.min(2019, plan.year)) : null;
    if (isRegistered) {
      registered++;
      registeredByVillage.set(village.id, [...(registeredByVillage.get(village.id) ?? []), householdId]);
    }
    const tags: string[] = [];
    if (!isRegistered && r.chance(0.03)) tags.push('marginal');
    if (!isRegistered && r.chance(0.05)) tags.push('key');
    const adobe = r.chance(0.03);
    households.push([
      plan.townshipId,
      householdId,
      village.id,
      group.id,
      `${townshipCode.slice(0, 9)}${String(h + 1).padStart(6, '0')}`,
      headName,
      pinyinKey(headName),
      `${village.name}${group.name}${r.int(1, 99)}号`,
      `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
      status,
      exitYear,
      tags,
      adobe ? 'adobe' : r.pick(['brick_concrete', 'brick_concrete', 'steel_concrete', 'brick_wood']),
      adobe && r.chance(0.5),
      r.chance(0.01) ? 'C' : r.chance(0.3) ? 'A' : 'B',
      r.chance(0.01) ? r.pick(HAZARD_POINTS) : null,
      r.chance(0.98),
      r.chance(0.98),
      r.chance(0.97),
      r.chance(0.98),
      plan.year - 1,
      wage,
      business,
      r.chance(0.1) ? r.int(1, 20) * 100 : 0,
      transfer,
      JSON.stringify(industry ? [r.pick(INDUSTRIES)] : []),
      JSON.stringify([]),
      r.chance(0.01),
      r.chance(0.03),
      isRegistered && r.chance(0.01) ? '缺乏劳动意愿，依赖政策' : null,
      null,
      village.lat + (r.next() - 0.5) * 0.01,
      village.lng + (r.next() - 0.5) * 0.01,
      now,
      now,
    ]);
    members.push(...memberRows);
    if (isRegistered) registeredRows.push(households[households.length - 1] as unknown[]);
  }
  // Exactly `notOut` registered households are not yet out, spread evenly over the villages;
  // each has the year's assistance plan (帮扶措施).
  const step = registeredRows.length / Math.max(1, plan.notOut);
  for (let i = 0; i < Math.min(plan.notOut, registeredRows.length); i++) {
    const row = registeredRows[Math.floor(i * step)] as unknown[];
    row[HOUSEHOLD_COLUMNS.indexOf('poverty_status')] = 'not_out';
    row[HOUSEHOLD_COLUMNS.indexOf('exit_year')] = null;
    row[HOUSEHOLD_COLUMNS.indexOf('assistance_measures')] = JSON.stringify([
      'industry',
      r.pick(['employment', 'education', 'health', 'safety_net']),
      'finance',
    ]);
  }

  // Accounts: one for every role, and a cadre for about every five registered households.
  const users: SyntheticUser[] = [];
  const pairings: unknown[][] = [];
  const p = plan.usernamePrefix;
  const addUser = (username: string, displayName: string, roles: Omit<SyntheticUser['roles'][number], 'id'>[]) => {
    const user: SyntheticUser = {
      id: r.uuid(),
      username: `${p}${username}`,
      displayName,
      homeUnitId: plan.townshipId,
      roles: roles.map((x) => ({ ...x, id: r.uuid() })),
    };
    users.push(user);
    return user;
  };
  const anyName = () => personName(r, r.pick(SURNAMES), r.chance(0.6) ? 'male' : 'female');
  const first = villages[0] as (typeof villages)[number];
  addUser('admin', `${anyName()}（镇扶贫办）`, [
    { role: 'township_admin', unitId: plan.townshipId, sector: null, title: '扶贫办主任' },
  ]);
  addUser('leader', `${anyName()}（镇领导）`, [
    { role: 'town_leader', unitId: plan.townshipId, sector: null, title: '副镇长' },
    { role: 'town_leader', unitId: first.id, sector: null, title: '驻村领导' },
  ]);
  for (const [u, sector, title] of [
    ['edu', 'education', '分管教育'],
    ['med', 'medical', '分管医疗'],
    ['housing', 'housing', '分管住房'],
    ['water', 'water', '分管饮水'],
  ] as const) {
    addUser(u, `${anyName()}（${title}）`, [{ role: 'sector_leader', unitId: plan.townshipId, sector, title }]);
  }
  addUser('discipline', `${anyName()}（镇纪委）`, [
    { role: 'discipline', unitId: plan.townshipId, sector: null, title: '纪委书记' },
  ]);
  for (let j = 1; j <= 3; j++) {
    const judge = addUser(`judge${j}`, `${anyName()}（评分员）`, [
      { role: 'judge', unitId: plan.townshipId, sector: null, title: null },
    ]);
    // The third judge lives in the last village, so the competition has an own village to refuse.
    if (j === 3) judge.homeUnitId = (villages.at(-1) ?? first).id;
  }
  villages.forEach((v, i) => {
    const n = String(i + 1).padStart(2, '0');
    addUser(`v${n}`, `${anyName()}（${v.name}书记）`, [{ role: 'village_staff', unitId: v.id, sector: null, title: '村书记' }]);
    addUser(`fs${n}`, `${anyName()}（${v.name}第一书记）`, [
      { role: 'village_staff', unitId: v.id, sector: null, title: '第一书记' },
    ]);
  });
  let cadreNo = 0;
  const since = `${plan.year}-01-01`;
  for (const v of villages) {
    const list = registeredByVillage.get(v.id) ?? [];
    for (let i = 0; i < list.length; i += 5) {
      cadreNo++;
      const cadre = addUser(`cadre${String(cadreNo).padStart(3, '0')}`, anyName(), [
        { role: 'cadre', unitId: v.id, sector: null, title: null },
      ]);
      for (const hid of list.slice(i, i + 5)) pairings.push([plan.townshipId, hid, cadre.id, since, now]);
    }
  }
  const workUnits = assignSendingUnits(
    r,
    plan.townshipId,
    villages.map((v) => v.id),
    users,
    anyName,
    now,
  );
  return {
    units,
    households,
    members,
    pairings,
    users,
    workUnits,
    counts: {
      villages: villages.length,
      groups: villages.reduce((s, v) => s + v.groups.length, 0),
      households: households.length,
      members: members.length,
      registered,
      cadres: cadreNo,
    },
  };
}
