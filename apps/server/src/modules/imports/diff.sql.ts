/**
 * SQL pieces comparing staged rows with the registry. Keys and column names come from code
 * (the sheet definitions and the Drizzle tables), never from the file, so they are inlined.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { households, members } from '../../db/schema/index';
import { HOUSEHOLD_KEYS, MEMBER_KEYS } from './columns';

const row = (alias: string, keys: readonly string[]) => `row(${keys.map((k) => `${alias}.${k}`).join(', ')})`;

/**
 * Whether a registered household (alias `h`) differs from its staged row (alias `s`) in any
 * column an import sets: typed columns compared one by one, nulls equal to nulls.
 */
export function householdDiffers(h: string, s: string): string {
  return `${row(h, HOUSEHOLD_KEYS)} is distinct from ${row(s, HOUSEHOLD_KEYS)}`;
}

/** Whether a registered member (alias `x`) differs from its staged row (alias `s`). */
export function memberDiffers(x: string, s: string): string {
  return `${row(x, MEMBER_KEYS)} is distinct from ${row(s, MEMBER_KEYS)}`;
}

/** Whether two staged households (aliases) carry the same data. */
export function sameStagedHousehold(a: string, b: string): string {
  return `${row(a, HOUSEHOLD_KEYS)} is not distinct from ${row(b, HOUSEHOLD_KEYS)}`;
}

/**
 * Links staged rows to what is registered: households by number, members by ID number, else
 * (for members without one) by household and name. Run before the preview and again at commit,
 * since the registry may have changed in between.
 */
export async function matchStaged(exec: (query: SQL) => Promise<unknown>, townshipId: string, importId: string): Promise<void> {
  await exec(sql`update import_households s set household_id = h.id from households h
    where s.township_id = ${townshipId} and s.import_id = ${importId} and h.township_id = s.township_id and h.household_number = s.household_number
      and s.household_id is distinct from h.id`);
  await exec(sql`update import_members s set member_id = x.id from members x
    where s.township_id = ${townshipId} and s.import_id = ${importId} and s.id_number is not null
      and x.township_id = s.township_id and x.id_number = s.id_number and s.member_id is distinct from x.id`);
  await exec(sql`update import_members s set member_id = x.id from households h join members x on x.township_id = h.township_id and x.household_id = h.id
    where s.township_id = ${townshipId} and s.import_id = ${importId} and s.id_number is null
      and h.township_id = s.township_id and h.household_number = s.household_number and x.id_number is null and x.name = s.name
      and s.member_id is distinct from x.id`);
}

/**
 * Columns an audit document leaves out, because the entry itself holds them or they are derived:
 * the township and the household (the entry's own keys), the row's timestamps (the entry's
 * time), the pinyin search keys (from the names). The audit API hides them anyway; leaving them
 * out of the document makes a 100,000-household import's audit a third smaller to build and store.
 */
const NOT_AUDITED = new Set(['township_id', 'household_id', 'created_at', 'updated_at', 'head_pinyin', 'name_pinyin']);
const audited = (table: typeof households | typeof members, alias: string) =>
  Object.values(getTableColumns(table))
    .map((c) => c.name)
    .filter((name) => !NOT_AUDITED.has(name))
    .map((name) => `${alias}.${name}`)
    .join(', ');
const HOUSEHOLD_AUDITED = audited(households, 'h');
const MEMBER_AUDITED = audited(members, 'x');

/**
 * The audit documents of a set of households (ids given by an SQL subquery of `township_id, id`
 * pairs) with their members, as stored rows: the household's columns as jsonb with a `members`
 * key holding its members' rows, in their order (columns in NOT_AUDITED left out). Each
 * document is built in one pass: the members are gathered as rows (an array, read in order from
 * the household index) and the household's columns and that array become jsonb together, with
 * no intermediate jsonb to take apart again — which is what keeps a 100,000-household import's
 * audit to seconds. `township`, when the caller has it, is the township of every id. `offset 0` keeps a caller's filter on `doc` from building each document
 * twice. The audit API turns the stored column names into the fields the app shows.
 */
export function householdAuditDocs(ids: SQL, township?: SQL): SQL {
  // Named, the township picks the one partition of households and members when the statement
  // is planned; through the household alone, every member lookup goes through all 16 partitions
  // and is pruned anew each time (almost half of the documents' cost at 100,000 households).
  return sql`select h.township_id, h.id, h.village_id, to_jsonb(d) as doc
    from households h ${documentOf(township ?? sql`h.township_id`)}
    where ${township ? sql`h.township_id = ${township} and ` : sql``}(h.township_id, h.id) in (${ids})
    offset 0`;
}

/**
 * The audit document (and village) of the one household whose id is `id`, an expression such as
 * a column of the row it is joined to laterally: a caller going through a list of households in
 * its own order gets each document as it goes, never sorted or hashed afterwards. `offset 0`
 * keeps the planner from merging it into the caller's query, where a filter on `doc` would
 * build each document twice.
 */
export function householdAuditDocOf(id: SQL, township: SQL): SQL {
  return sql`select h.village_id, to_jsonb(d) as doc
    from households h ${documentOf(township)}
    where h.township_id = ${township} and h.id = ${id}
    offset 0`;
}

/** The lateral part of a document: the household's audited columns and its members' rows. */
function documentOf(township: SQL): SQL {
  return sql`cross join lateral (
      select ${sql.raw(HOUSEHOLD_AUDITED)}, coalesce(
          (select array_agg(x) from (
             select ${sql.raw(MEMBER_AUDITED)} from members x
             where x.township_id = ${township} and x.household_id = h.id
             order by x.sort_order, x.created_at) x),
          '{}') as members) d`;
}

/** Column names of a table that an import writes from staged data. */
export function dataColumns(table: 'households' | 'members'): string[] {
  return table === 'households' ? HOUSEHOLD_KEYS : MEMBER_KEYS;
}
