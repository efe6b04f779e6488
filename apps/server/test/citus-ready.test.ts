/**
 * Citus readiness (issue 10, docs/SCALING.md), read from the live, migrated schema: every table is
 * either a township table (distributed by township_id) or a shared one (a reference table); a
 * township table's primary key and unique keys include township_id and its keys to other township
 * tables pair township_id with township_id (so they stay inside one shard); no shared table points
 * at a township table; and the statements in docs/SCALING.md are exactly the ones this schema
 * needs, in an order Citus accepts. A new table fails here until it is classified.
 * The hash partitions of migration 0009 (households_p00 …) are storage of their parent, not tables:
 * only parents are listed, and only the keys declared on them, not the copies PostgreSQL makes on
 * every partition (Citus distributes a partitioned table by its parent, partitions included).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, selectRows } from '../src/db/client';
import { createTestDatabase } from './harness';

/** Shared tables: small, read on every request for the policy, and holding county-level rows. */
const REFERENCE_TABLES = ['units', 'work_units', 'users', 'role_assignments', 'sessions'] as const;
/** The colocation group's first table: every other township table is colocated with it. */
const ANCHOR = 'households';

interface Key {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f' | 'i';
  columns: string[];
  ref: string | null;
  refColumns: string[];
}

const split = (s: string | null) => (s ? s.split(',') : []);

/** Township tables whose keys break the tenant key rule, as readable lines. */
function tenantKeyProblems(tables: string[], keys: Key[], township: Map<string, string>): string[] {
  const reference = new Set<string>(REFERENCE_TABLES);
  const problems: string[] = [];
  for (const table of tables) {
    const own = keys.filter((k) => k.table === table);
    if (reference.has(table)) {
      for (const k of own.filter((k) => k.type === 'f' && k.ref && !reference.has(k.ref)))
        problems.push(`${table}: shared table refers to township table ${k.ref} (${k.name})`);
      continue;
    }
    const column = township.get(table);
    if (column !== 'uuid NOT NULL') problems.push(`${table}: township_id must be uuid not null, is ${column ?? 'missing'}`);
    if (!own.some((k) => k.type === 'p')) problems.push(`${table}: no primary key`);
    for (const k of own) {
      if ((k.type === 'p' || k.type === 'u' || k.type === 'i') && !k.columns.includes('township_id'))
        problems.push(`${table}: ${k.name} (${k.columns.join(', ')}) lacks township_id`);
      if (k.type === 'f' && k.ref && !reference.has(k.ref)) {
        const at = k.columns.indexOf('township_id');
        if (at < 0 || k.refColumns[at] !== 'township_id')
          problems.push(`${table}: ${k.name} to ${k.ref} does not pair township_id with township_id`);
      }
    }
  }
  return problems;
}

/** The statements that distribute the schema, in an order where every key's target exists first. */
function citusStatements(tables: string[], keys: Key[]): string[] {
  const reference = new Set<string>(REFERENCE_TABLES);
  const needs = new Map(
    tables.map((t) => [
      t,
      new Set(keys.filter((k) => k.type === 'f' && k.table === t && k.ref !== t).map((k) => k.ref as string)),
    ]),
  );
  const done = new Set<string>();
  const order: string[] = [];
  const take = (group: string[]) => {
    const rest = [...group];
    while (rest.length) {
      const next = rest.find((t) => [...(needs.get(t) ?? [])].every((n) => done.has(n)));
      if (!next) throw new Error(`foreign keys in a cycle among ${rest.join(', ')}`);
      rest.splice(rest.indexOf(next), 1);
      done.add(next);
      order.push(next);
    }
  };
  take(REFERENCE_TABLES.filter((t) => tables.includes(t)));
  const township = tables.filter((t) => !reference.has(t)).sort();
  take([ANCHOR, ...township.filter((t) => t !== ANCHOR)]);
  return order.map((t) =>
    reference.has(t)
      ? `select create_reference_table('${t}');`
      : t === ANCHOR
        ? `select create_distributed_table('${t}', 'township_id');`
        : `select create_distributed_table('${t}', 'township_id', colocate_with => '${ANCHOR}');`,
  );
}

describe('Citus readiness of the schema', () => {
  let database: Database;
  let tables: string[];
  let keys: Key[];
  let township: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    tables = (
      await selectRows<{ name: string }>(
        db,
        sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
      )
    ).map((r) => r.name);
    const columns = await selectRows<{ table: string; type: string; nullable: string }>(
      db,
      sql`select table_name as "table", data_type as type, is_nullable as nullable from information_schema.columns
          where table_schema = 'public' and column_name = 'township_id'`,
    );
    township = new Map(columns.map((c) => [c.table, `${c.type} ${c.nullable === 'NO' ? 'NOT NULL' : 'NULL'}`]));
    const rows = await selectRows<{
      table: string;
      name: string;
      type: 'p' | 'u' | 'f' | 'i';
      columns: string | null;
      ref: string | null;
      ref_columns: string | null;
    }>(
      db,
      sql`select c.conrelid::regclass::text as "table", c.conname as name, c.contype::text as type,
            (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality k(n, ord)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
            case when c.contype = 'f' then c.confrelid::regclass::text end as ref,
            (select string_agg(a.attname, ',' order by k.ord) from unnest(c.confkey) with ordinality k(n, ord)
               join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as ref_columns
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
            join pg_class t on t.oid = c.conrelid
          where n.nspname = 'public' and c.contype in ('p', 'u', 'f') and not t.relispartition and c.conparentid = 0
          union all
          select ix.indrelid::regclass::text, i.relname, 'i',
            (select string_agg(a.attname, ',' order by k.ord) from unnest(ix.indkey::int2[]) with ordinality k(n, ord)
               join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n),
            null, null
          from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_namespace n on n.oid = i.relnamespace
            join pg_class t on t.oid = ix.indrelid
          where n.nspname = 'public' and ix.indisunique and not t.relispartition
            and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)`,
    );
    keys = rows.map((r) => ({
      table: r.table,
      name: r.name,
      type: r.type,
      columns: split(r.columns),
      ref: r.ref,
      refColumns: split(r.ref_columns),
    }));
  });
  afterAll(() => database.close());

  it('knows every table as township or shared, and the shared ones exist', () => {
    expect(tables.length).toBeGreaterThan(30);
    for (const t of REFERENCE_TABLES) expect(tables).toContain(t);
    expect(tables).toContain(ANCHOR);
  });

  it('keeps every township key inside one township, and no shared table points at a township one', () => {
    expect(tenantKeyProblems(tables, keys, township)).toEqual([]);
  });

  it('catches a key without the tenant, a cross-shard key and a shared table pointing at a township table', () => {
    const bad: Key[] = [
      { table: 'households', name: 'households_pkey', type: 'p', columns: ['township_id', 'id'], ref: null, refColumns: [] },
      { table: 'households', name: 'households_number', type: 'i', columns: ['household_number'], ref: null, refColumns: [] },
      { table: 'visits', name: 'visits_pkey', type: 'p', columns: ['township_id', 'id'], ref: null, refColumns: [] },
      { table: 'visits', name: 'visits_hh', type: 'f', columns: ['household_id'], ref: 'households', refColumns: ['id'] },
      { table: 'visits', name: 'visits_unit', type: 'f', columns: ['village_id'], ref: 'units', refColumns: ['id'] },
      { table: 'users', name: 'users_hh', type: 'f', columns: ['household_id'], ref: 'households', refColumns: ['id'] },
    ];
    const types = new Map([
      ['households', 'uuid NOT NULL'],
      ['visits', 'uuid NULL'],
    ]);
    expect(tenantKeyProblems(['households', 'users', 'visits'], bad, types)).toEqual([
      'households: households_number (household_number) lacks township_id',
      'users: shared table refers to township table households (users_hh)',
      'visits: township_id must be uuid not null, is uuid NULL',
      'visits: visits_hh to households does not pair township_id with township_id',
    ]);
  });

  it('docs/SCALING.md lists exactly the statements this schema needs, in an order Citus accepts', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/SCALING.md'), 'utf8');
    const listed = doc.split('\n').filter((line) => /^select create_(reference|distributed)_table\(/.test(line.trim()));
    const expected = citusStatements(tables, keys);
    expect(
      listed.map((l) => l.trim()),
      `docs/SCALING.md should list:\n${expected.join('\n')}`,
    ).toEqual(expected);
  });
});
