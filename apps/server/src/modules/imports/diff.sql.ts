/**
 * SQL pieces comparing staged rows with the registry. Keys and column names come from code
 * (the sheet definitions and the Drizzle tables), never from the file, so they are inlined.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { households, members } from '../../db/schema/index';
import { HOUSEHOLD_KEYS, MEMBER_KEYS } from './columns';

const keyList = (keys: readonly string[]) => `array[${keys.map((k) => `'${k}'`).join(',')}]::text[]`;

/** The stored household (alias) as the same jsonb an import stages: equal means unchanged. */
export function householdProjection(alias: string): string {
  return `(select jsonb_object_agg(e.key, e.value) from jsonb_each(to_jsonb(${alias})) e where e.key = any(${keyList(HOUSEHOLD_KEYS)}))`;
}

/** The stored member (alias) as the same jsonb an import stages. */
export function memberProjection(alias: string): string {
  return `(select jsonb_object_agg(e.key, e.value) from jsonb_each(to_jsonb(${alias})) e where e.key = any(${keyList(MEMBER_KEYS)}))`;
}

/**
 * Links staged rows to what is registered: households by number, members by ID number, else
 * (for members without one) by household and name. Run before the preview and again at commit,
 * since the registry may have changed in between.
 */
export async function matchStaged(exec: (query: SQL) => Promise<unknown>, townshipId: string, importId: string): Promise<void> {
  await exec(sql`update import_households s set household_id = h.id from households h
    where s.township_id = ${townshipId} and s.import_id = ${importId} and h.township_id = s.township_id and h.household_number = s.household_number`);
  await exec(sql`update import_members s set member_id = x.id from members x
    where s.township_id = ${townshipId} and s.import_id = ${importId} and s.id_number is not null
      and x.township_id = s.township_id and x.id_number = s.id_number`);
  await exec(sql`update import_members s set member_id = x.id from households h join members x on x.township_id = h.township_id and x.household_id = h.id
    where s.township_id = ${townshipId} and s.import_id = ${importId} and s.id_number is null
      and h.township_id = s.township_id and h.household_number = s.household_number and x.id_number is null and x.name = s.data->>'name'`);
}

const HOUSEHOLD_AUDIT_SKIP = new Set(['createdAt', 'updatedAt', 'headPinyin']);
const MEMBER_AUDIT_SKIP = new Set(['createdAt', 'updatedAt', 'namePinyin', 'townshipId', 'householdId']);

/**
 * The audit document of a household (alias h) with its members, keyed exactly like
 * `auditViewOfHousehold`, so a change made by import reads like one made in a form.
 */
export function householdAuditDoc(h: string): SQL {
  const fields = Object.entries(getTableColumns(households))
    .filter(([key]) => !HOUSEHOLD_AUDIT_SKIP.has(key))
    .map(([key, column]) => `'${key}', ${h}.${column.name}`);
  const memberFields = Object.entries(getTableColumns(members))
    .filter(([key]) => !MEMBER_AUDIT_SKIP.has(key))
    .map(([key, column]) => `'${key}', x.${column.name}`);
  // jsonb_build_object takes at most 100 arguments: build in two halves.
  const half = Math.ceil(fields.length / 2);
  return sql.raw(
    `(jsonb_build_object(${fields.slice(0, half).join(', ')}) || jsonb_build_object(${fields.slice(half).join(', ')}) || jsonb_build_object('members', coalesce((
       select jsonb_agg(jsonb_build_object(${memberFields.join(', ')}) order by x.sort_order, x.created_at)
       from members x where x.township_id = ${h}.township_id and x.household_id = ${h}.id), '[]'::jsonb)))`,
  );
}

/** Column names of a table that an import writes from staged data. */
export function dataColumns(table: 'households' | 'members'): string[] {
  return table === 'households' ? HOUSEHOLD_KEYS : MEMBER_KEYS;
}
