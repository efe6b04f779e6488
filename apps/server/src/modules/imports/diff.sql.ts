/**
 * SQL pieces comparing staged rows with the registry. Keys and column names come from code
 * (the sheet definitions and the Drizzle tables), never from the file, so they are inlined.
 */
import { type SQL, sql } from 'drizzle-orm';
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

/**
 * The audit documents of a set of households (ids given by an SQL subquery of `township_id, id`
 * pairs) with their members, as stored rows: `to_jsonb` of the household and of each member.
 * Built by one grouped pass over members, which is what keeps a 100,000-household import's
 * audit to seconds; the audit API turns the stored column names into the fields the app shows.
 */
export function householdAuditDocs(households: SQL): SQL {
  return sql`select h.township_id, h.id, h.village_id,
      to_jsonb(h) || jsonb_build_object('members', coalesce(m.docs, '[]'::jsonb)) as doc
    from households h
    left join (
      select x.township_id, x.household_id, jsonb_agg(to_jsonb(x) order by x.sort_order, x.created_at) as docs
      from members x where (x.township_id, x.household_id) in (${households})
      group by x.township_id, x.household_id) m
      on m.township_id = h.township_id and m.household_id = h.id
    where (h.township_id, h.id) in (${households})`;
}

/** Column names of a table that an import writes from staged data. */
export function dataColumns(table: 'households' | 'members'): string[] {
  return table === 'households' ? HOUSEHOLD_KEYS : MEMBER_KEYS;
}
