/**
 * Migration 0009 on a database that already holds data, as on the upgrade of a township's ./data:
 * the demo township (households, members, pairings, the campaign, the audit log) plus visits,
 * problems and their events is written under migrations 0000–0008, then 0009 partitions the five
 * tables. Every row of every table must come through unchanged (a digest per table), and the
 * foreign keys that were dropped and made again must hold: cascades across partitioned tables,
 * refusals of orphans and of deleting a household that still has visits.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, migrateDatabase, openPglite, openPostgres, selectRows } from '../src/db/client';
import { seedDemoIfEmpty } from '../src/demo/seed-demo';
import { FixedClock } from '../src/lib/clock';
import { listTables, type Query, quoteIdent } from '../src/ops/backup-format';
import { migrationsUpTo } from '../src/ops/restore';
import { withDatabase } from './global-setup';
import { dbKind } from './harness';

/** Migrations before partitioning (0000–0008). */
const BEFORE_PARTITIONING = 9;

/** A new, empty database of the engine under test; closing it drops it. */
async function emptyDatabase(): Promise<Database> {
  if (dbKind !== 'pg') return openPglite();
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `fupin_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openPostgres(withDatabase(url, name), 3);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The columns of every table, in order. */
async function columnsOf(db: Db): Promise<Record<string, string[]>> {
  const rows = await selectRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.table_name] = [...(out[r.table_name] ?? []), quoteIdent(r.column_name)];
  return out;
}

/**
 * Rows and a digest of their text, per table: equal digests mean the same rows, column by column.
 * `columns` (taken before the migrations) leaves out columns later migrations add (0014's
 * users.work_unit_id): a new nullable column is no change to the rows that were there.
 */
async function fingerprints(
  db: Db,
  columns: Record<string, string[]>,
): Promise<Record<string, { rows: number; digest: string }>> {
  const query: Query = async <R>(text: string) => selectRows<R>(db, sql.raw(text));
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const t of await listTables(query)) {
    const name = quoteIdent(t.name);
    const list = columns[t.name]?.join(', ') ?? '*';
    const [r] = await query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS digest FROM (SELECT ${list} FROM ${name}) x`,
    );
    out[t.name] = { rows: Number(r?.rows), digest: String(r?.digest) };
  }
  return out;
}

describe('migration 0009 on a database with data', () => {
  let database: Database;
  let db: Db;
  let before: Awaited<ReturnType<typeof fingerprints>>;
  let columns: Record<string, string[]>;
  let township: string;
  let visited: string;

  beforeAll(async () => {
    database = await emptyDatabase();
    db = database.db;
    const folder = migrationsUpTo(BEFORE_PARTITIONING);
    try {
      await migrateDatabase(database, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const clock = new FixedClock('2020-03-10T01:00:00Z');
    await seedDemoIfEmpty(database, clock, { households: 120, sendingUnits: false });
    // Visits, problems and events: the demo seeds none, and they are partitioned or point at them.
    const [c] = await selectRows<{ township: string; campaign: string; visitor: string }>(
      db,
      sql`select c.township_id as township, c.id as campaign, (select id from users order by username limit 1) as visitor
          from campaigns c limit 1`,
    );
    township = c?.township as string;
    const households = await selectRows<{ id: string }>(
      db,
      sql`select id from households where township_id = ${township} order by id limit 3`,
    );
    visited = households[0]?.id as string;
    for (const h of households) {
      const problem = randomUUID();
      await db.execute(sql`insert into visits (township_id, id, campaign_id, household_id, visitor_id, form_type, visited_at,
          received_at, base_version, form, computed, plausibility, members_confirmed)
        values (${township}, ${randomUUID()}, ${c?.campaign}, ${h.id}, ${c?.visitor}, 'household', now(), now(), 1,
          '{"a":1}', '{}', '[]', 2)`);
      await db.execute(sql`insert into problems (township_id, id, source, category, household_id, description, level,
          status, created_at, updated_at)
        values (${township}, ${problem}, 'visit', 'housing', ${h.id}, '房屋漏雨', 'village', 'open', now(), now())`);
      await db.execute(sql`insert into problem_events (township_id, id, problem_id, at, action, to_status)
        values (${township}, ${randomUUID()}, ${problem}, now(), 'create', 'open')`);
    }
    columns = await columnsOf(db);
    before = await fingerprints(db, columns);
    await migrateDatabase(database);
  });
  afterAll(() => database.close());

  it('was run on data in every partitioned table and the tables that point at them', () => {
    for (const t of ['households', 'members', 'visits', 'problems', 'audit_log', 'pairings', 'problem_events'])
      expect(before[t]?.rows, t).toBeGreaterThan(0);
  });

  it('keeps every row of every table, unchanged', async () => {
    const after = await fingerprints(db, columns);
    // Tables that later migrations create (0013's import_flags) start empty.
    const added = Object.keys(after).filter((table) => !(table in before));
    for (const table of added) expect(after[table]?.rows, table).toBe(0);
    for (const table of added) delete after[table];
    expect(after).toEqual(before);
  });

  it('partitioned the five tables, their rows spread over the partitions', async () => {
    const rows = await selectRows<{ name: string; partitions: number }>(
      db,
      sql`select c.relname as name, (select count(*)::int from pg_inherits i where i.inhparent = c.oid
            and (select relkind from pg_class where oid = i.inhrelid) = 'r') as partitions
          from pg_partitioned_table p join pg_class c on c.oid = p.partrelid order by 1`,
    );
    expect(rows).toEqual(['audit_log', 'households', 'members', 'problems', 'visits'].map((name) => ({ name, partitions: 16 })));
    const [placed] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from households where tableoid = 'households'::regclass`,
    );
    expect(placed?.n).toBe(0);
  });

  it('keeps the foreign keys: orphans refused, a household with visits kept, cascades across partitions', async () => {
    await expect(
      db.execute(sql`insert into members (township_id, id, household_id, name, relation, sex, created_at, updated_at)
        values (${township}, ${randomUUID()}, ${randomUUID()}, '无户', 'head', 'm', now(), now())`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`insert into problem_events (township_id, id, problem_id, at, action)
        values (${township}, ${randomUUID()}, ${randomUUID()}, now(), 'create')`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from households where township_id = ${township} and id = ${visited}`)).rejects.toThrow();
    const [quiet] = await selectRows<{ id: string }>(
      db,
      sql`select h.id from households h where h.township_id = ${township}
            and not exists (select 1 from visits v where v.township_id = h.township_id and v.household_id = h.id)
            and not exists (select 1 from problems p where p.township_id = h.township_id and p.household_id = h.id)
            and exists (select 1 from members m where m.township_id = h.township_id and m.household_id = h.id)
          limit 1`,
    );
    await db.execute(sql`delete from households where township_id = ${township} and id = ${quiet?.id}`);
    const [left] = await selectRows<{ n: number }>(
      db,
      sql`select (select count(*) from members where township_id = ${township} and household_id = ${quiet?.id})
           + (select count(*) from pairings where township_id = ${township} and household_id = ${quiet?.id}) as n`,
    );
    expect(Number(left?.n)).toBe(0);
  });
});
