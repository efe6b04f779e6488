/**
 * Grows a seeded county into a province by copying it in SQL: copy k of every row gets every uuid
 * (its own id and every reference) mapped through md5(uuid || ':' || k), so the copy is a new
 * county with new townships, units, users and rows, and every foreign key between copied rows
 * still holds (the same mapping is applied on both sides). Generating a million households with
 * the JS seeder would take most of an hour on two cores; INSERT … SELECT takes minutes.
 *
 * What keeps its value, and why that is sound: names, household numbers and members' ID numbers
 * (unique per township, and every copy is a different township); the password hash (so the
 * copies' accounts sign in with the same password). What must change besides the uuids: the
 * unit codes (globally unique: the county's two digits 3699NN move on by k) and the usernames
 * (globally unique: the prefix cNN moves the same way). A uuid inside jsonb is mapped where a
 * reader uses it (a supervision order's responsible people); the others (audit before/after,
 * a notification's link) keep the original county's ids, which no measured query follows.
 *
 * The tables, their columns and the foreign-key order are read from the catalogue, so a table
 * added later is copied too, and a partitioned table (township hash partitions) is written
 * through its parent like any other.
 */
import type { Database } from '../../apps/server/src/db/client';
import { type RawTx, rawTransaction } from '../../apps/server/src/db/raw';

/** Rows nobody would copy: sign-ins belong to the people who made them. */
const SKIPPED = new Set(['sessions']);

interface Column {
  table: string;
  column: string;
  type: string;
}

/** The copy's value of one column, as an SQL expression over the source row `s` and the copy number `k`. */
function mapped(c: Column, countyNo: number): string {
  const col = `s."${c.column}"`;
  // md5 gives 128 random bits; the version (4) and variant (8) nibbles make it a uuid the API's validation accepts
  const id = (x: string) => `overlay(overlay(md5(${x}::text || ':' || k) placing '4' from 13) placing '8' from 17)::uuid`;
  const nn = `lpad((${countyNo} + k)::text, 2, '0')`;
  if (c.table === 'units' && c.column === 'code') return `overlay(${col} placing ${nn} from 5 for 2)`;
  if (c.table === 'users' && c.column === 'username') return `regexp_replace(${col}, '^c\\d\\d', 'c' || ${nn})`;
  if (c.table === 'supervision_orders' && c.column === 'responsible_user_ids')
    return `(select coalesce(jsonb_agg(to_jsonb(${id('x')})), '[]'::jsonb) from jsonb_array_elements_text(${col}) x)`;
  if (c.type === 'uuid') return id(col);
  if (c.type === 'uuid[]') return `array(select ${id('x')} from unnest(${col}) x)`;
  return col;
}

/** Tables in an order where each comes after every table its foreign keys name. */
async function tablesInOrder(tx: RawTx): Promise<{ tables: string[]; columns: Map<string, Column[]> }> {
  const cols = await tx.query<Column & { generated: string }>(
    `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attgenerated as generated
     from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
     order by c.relname, a.attnum`,
  );
  const columns = new Map<string, Column[]>();
  for (const c of cols.rows) {
    if (SKIPPED.has(c.table) || c.generated !== '') continue;
    columns.set(c.table, [...(columns.get(c.table) ?? []), { table: c.table, column: c.column, type: c.type }]);
  }
  const fks = await tx.query<{ child: string; parent: string }>(
    `select ch.relname as child, pa.relname as parent from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     where k.contype = 'f' and k.conparentid = 0 and k.connamespace = 'public'::regnamespace and ch.oid <> pa.oid`,
  );
  const needs = new Map<string, Set<string>>();
  for (const f of fks.rows) needs.set(f.child, (needs.get(f.child) ?? new Set()).add(f.parent));
  const tables: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || !columns.has(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const p of needs.get(t) ?? []) visit(p, path);
    path.delete(t);
    placed.add(t);
    tables.push(t);
  };
  for (const t of [...columns.keys()].sort()) visit(t, new Set());
  return { tables, columns };
}

/** Copies written by one statement (after the first, checked copy). */
const GROUP = 6;

export interface CloneProgress {
  /** copies from … to, written in one transaction */
  from: number;
  to: number;
  rows: number;
  ms: number;
}

/**
 * Adds `copies` copies of everything in the database (one seeded county), each as county
 * number countyNo + k. Returns the rows written.
 */
export async function cloneCounty(
  database: Database,
  countyCode: string,
  copies: number,
  onCopy?: (p: CloneProgress) => void,
): Promise<number> {
  const countyNo = Number(countyCode.slice(4, 6));
  if (countyNo + copies > 99) throw new Error(`county codes 3699${countyNo}… leave room for ${99 - countyNo} copies only`);
  const { tables, columns } = await rawTransaction(database, tablesInOrder);
  // Each copy reads only the original county's rows: those not written by an earlier copy.
  const original = await rawTransaction(database, async (tx) => {
    const r = await tx.query<{ id: string }>("select id from units where kind = 'county' and code = $1", [countyCode]);
    return r.rows[0]?.id as string;
  });
  let total = 0;
  // The first copy runs alone with every foreign key checked, which proves the mapping keeps them.
  // The others are the same statements with other k, so they skip the checks (replica mode turns
  // off the referential-integrity triggers: a copy took 15 s instead of 120 s) and go several copies
  // a statement, so the original rows are read once a group rather than once a copy.
  const groups: [number, number][] = [[1, 1]];
  for (let k = 2; k <= copies; k += GROUP) groups.push([k, Math.min(copies, k + GROUP - 1)]);
  for (const [from, to] of groups) {
    const t0 = performance.now();
    const rows = await rawTransaction(database, async (tx) => {
      if (from > 1) await tx.query('set local session_replication_role = replica');
      let n = 0;
      for (const table of tables) {
        const cs = columns.get(table) as Column[];
        const names = cs.map((c) => `"${c.column}"`).join(', ');
        const values = cs.map((c) => mapped(c, countyNo)).join(', ');
        const r = await tx.query(
          `insert into "${table}" (${names}) select ${values} from "${table}" s, generate_series(${from}, ${to}) k where ${ofOriginal(table, cs)}`,
          [original],
        );
        n += r.rowCount;
        if (process.env.BENCH_VERBOSE)
          console.log(`    ${table}: ${r.rowCount} rows, ${(performance.now() - t0).toFixed(0)} ms since the group began`);
      }
      return n;
    });
    total += rows;
    onCopy?.({ from, to, rows, ms: performance.now() - t0 });
  }
  return total;
}

/** The filter that keeps a copy to the original county's rows (the database holds that county and its copies only). */
function ofOriginal(table: string, cs: Column[]): string {
  const has = (c: string) => cs.some((x) => x.column === c);
  if (table === 'units') return 's.county_id = $1';
  if (has('township_id')) return `s.township_id in (select id from units where county_id = $1)`;
  if (table === 'users') return `s.home_unit_id in (select id from units where county_id = $1)`;
  if (has('user_id'))
    return `s.user_id in (select u.id from users u join units h on h.id = u.home_unit_id where h.county_id = $1)`;
  throw new Error(`cannot tell the original county's rows of ${table}`);
}
