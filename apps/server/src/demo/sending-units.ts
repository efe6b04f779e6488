/**
 * The 派出单位 of a generated township's cadres: county bureaus, each sponsoring villages in turn
 * (挂点帮扶: a village's cadres come from one unit), with their heads. Drawn after everything else,
 * so the rest of a township is the same whatever this adds.
 */

import type { SyntheticUser } from './generate';
import type { Random } from './random';

export const WORK_UNIT_COLUMNS = [
  'id',
  'township_id',
  'name',
  'head_name',
  'head_title',
  'head_phone',
  'sort_order',
  'created_at',
  'updated_at',
] as const;

const BUREAUS: readonly (readonly [name: string, headTitle: string])[] = [
  ['县交通运输局', '局长'],
  ['县水利局', '局长'],
  ['县农业农村局', '局长'],
  ['县卫生健康委员会', '主任'],
  ['县教育体育局', '局长'],
  ['县住房和城乡建设局', '局长'],
  ['县供电公司', '总经理'],
];

/** Gives each cadre the unit that sponsors their village; returns the units' rows (WORK_UNIT_COLUMNS). */
export function assignSendingUnits(
  r: Random,
  townshipId: string,
  villageIds: readonly string[],
  users: SyntheticUser[],
  anyName: () => string,
  now: Date,
): unknown[][] {
  const rows: unknown[][] = [];
  const idOf = new Map<number, string>();
  const unitOf = (bureau: number): string => {
    const known = idOf.get(bureau);
    if (known) return known;
    const [name, headTitle] = BUREAUS[bureau] as (typeof BUREAUS)[number];
    const id = r.uuid();
    idOf.set(bureau, id);
    rows.push([
      id,
      townshipId,
      name,
      anyName(),
      headTitle,
      `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      bureau,
      now,
      now,
    ]);
    return id;
  };
  for (const user of users) {
    const village = user.roles.find((x) => x.role === 'cadre')?.unitId;
    const at = village ? villageIds.indexOf(village) : -1;
    if (at >= 0) user.workUnitId = unitOf(at % BUREAUS.length);
  }
  return rows;
}
