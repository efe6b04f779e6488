/**
 * Hash partitioning by township (issue 10, migration 0009, docs/SCALING.md "Partitioning"), read
 * from the live schema on both engines: the five large tables are PARTITION BY HASH (township_id)
 * with 16 partitions; a statement that names one township reads one partition, whether the
 * township is a constant (pruned when planned) or a parameter of a generic plan (pruned when the
 * executor starts: "Subplans Removed: 15"); a lookup by id alone reads all 16 (the documented
 * limit), through an index on id in each; and the audit log stays append-only through the parent and on every single partition.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, preparedDb, selectRows } from '../src/db/client';
import { createTestDatabase } from './harness';

const PARTITIONED = ['audit_log', 'households', 'members', 'problems', 'visits'];
const MODULUS = 16;
const TOWNSHIP = '0190a7a0-0000-7000-8000-000000000001';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Subplans Removed'?: number;
  Plans?: PlanNode[];
}

/** The plan of a statement, as EXPLAIN (FORMAT JSON) gives it (a string on some drivers). */
async function plan(db: Db, statement: string): Promise<PlanNode> {
  const [row] = await selectRows<{ 'QUERY PLAN': unknown }>(db, sql.raw(`EXPLAIN (FORMAT JSON) ${statement}`));
  const json = row?.['QUERY PLAN'];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: PlanNode }[];
  return parsed[0]?.Plan as PlanNode;
}

/** Every relation the plan scans, and the partitions pruned when the executor started. */
function scanned(node: PlanNode, into = { relations: [] as string[], removed: 0 }) {
  if (node['Relation Name']) into.relations.push(node['Relation Name']);
  into.removed += node['Subplans Removed'] ?? 0;
  for (const child of node.Plans ?? []) scanned(child, into);
  return into;
}

describe('hash partitioning by township', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it(`partitions the five large tables by hash of township_id into ${MODULUS}`, async () => {
    const parents = await selectRows<{ name: string; strategy: string; key: string }>(
      db,
      sql`select c.relname as name, p.partstrat::text as strategy, pg_get_partkeydef(c.oid) as key
          from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
          join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 1`,
    );
    expect(parents.map((p) => p.name)).toEqual(PARTITIONED);
    for (const p of parents) expect(p.key).toBe('HASH (township_id)');
    const bounds = await selectRows<{ parent: string; name: string; bound: string }>(
      db,
      sql`select pc.relname as parent, c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
          from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class pc on pc.oid = i.inhparent
          where c.relkind = 'r' and pc.relkind = 'p' order by 1, 2`,
    );
    for (const parent of PARTITIONED) {
      const own = bounds.filter((b) => b.parent === parent);
      expect(own.map((b) => b.name)).toEqual(
        Array.from({ length: MODULUS }, (_, r) => `${parent}_p${String(r).padStart(2, '0')}`),
      );
      expect(own.map((b) => b.bound)).toEqual(
        Array.from({ length: MODULUS }, (_, r) => `FOR VALUES WITH (modulus ${MODULUS}, remainder ${r})`),
      );
    }
  });

  it.each(PARTITIONED)('reads one partition of %s for a township given as a constant', async (table) => {
    const { relations } = scanned(await plan(db, `SELECT * FROM ${table} WHERE township_id = '${TOWNSHIP}'`));
    expect(relations).toHaveLength(1);
    expect(relations[0]).toMatch(new RegExp(`^${table}_p\\d\\d$`));
  });

  it('reads one partition of each table when a township query joins them on township_id', async () => {
    const { relations } = scanned(
      await plan(
        db,
        `SELECT h.id, count(m.id), count(v.id), count(p.id)
         FROM households h
         JOIN members m ON m.township_id = h.township_id AND m.household_id = h.id
         LEFT JOIN visits v ON v.township_id = h.township_id AND v.household_id = h.id
         LEFT JOIN problems p ON p.township_id = h.township_id AND p.household_id = h.id
         WHERE h.township_id = '${TOWNSHIP}' GROUP BY h.id`,
      ),
    );
    // The planner carries the constant across the equalities on township_id to every table.
    expect(relations.map((r) => r.replace(/_p\d\d$/, '')).sort()).toEqual(['households', 'members', 'problems', 'visits']);
    // One township hashes to the same remainder in every table.
    expect(new Set(relations.map((r) => r.slice(-3)))).toHaveLength(1);
  });

  it.each(PARTITIONED)('prunes %s when the executor starts a generic plan with the township as a parameter', async (table) => {
    const name = `pruning_${table}`;
    // One connection for PREPARE, the setting and EXECUTE: a transaction holds one.
    const found = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL plan_cache_mode = force_generic_plan`));
      await tx.execute(sql.raw(`PREPARE ${name}(uuid) AS SELECT * FROM ${table} WHERE township_id = $1`));
      try {
        return scanned(await plan(tx as unknown as Db, `EXECUTE ${name}('${TOWNSHIP}')`));
      } finally {
        await tx.execute(sql.raw(`DEALLOCATE ${name}`));
      }
    });
    expect(found.removed).toBe(MODULUS - 1);
    expect(found.relations).toHaveLength(1);
  });

  it('reads every partition for a lookup by id without the township (the limit in SCALING.md)', async () => {
    const { relations } = scanned(await plan(db, `SELECT * FROM problems WHERE id = '${randomUUID()}'`));
    expect(relations).toHaveLength(MODULUS);
  });

  it.each(['households', 'visits', 'problems'])(
    'gives %s an index on id in every partition, so that such a lookup probes 16 indexes instead of scanning',
    async (table) => {
      const [row] = await selectRows<{ n: number }>(
        db,
        sql.raw(`select count(*)::int as n from pg_partition_tree('${table}_id_idx') where isleaf`),
      );
      expect(row?.n).toBe(MODULUS);
    },
  );

  it("plans the app's statements without parallel workers on PostgreSQL (one township's rows gain nothing from them)", async () => {
    const [row] = await selectRows<{ max_parallel_workers_per_gather: string }>(db, sql`show max_parallel_workers_per_gather`);
    // PostgreSQL through the pool's start-up options; PGlite, one process, has no workers to start.
    expect(row?.max_parallel_workers_per_gather).toBe('0');
  });

  it('plans named statements once, on a pool of their own, and every other statement with its values in view', async () => {
    const mode = async (on: Db) =>
      (await selectRows<{ plan_cache_mode: string }>(on, sql`show plan_cache_mode`))[0]?.plan_cache_mode;
    expect(await mode(db)).toBe('auto');
    // PGlite has one session: its named statements are planned as PostgreSQL's default decides.
    expect(await mode(preparedDb(db))).toBe(database.kind === 'pg' ? 'force_generic_plan' : 'auto');
  });

  describe('the audit log stays append-only', () => {
    let partition: string;
    const count = async () => Number((await selectRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`))[0]?.n);

    beforeAll(async () => {
      await db.execute(
        sql`insert into audit_log (township_id, id, at, actor_name, action, entity_type, entity_id)
            values (${TOWNSHIP}, ${randomUUID()}, now(), 'test', 'create', 'unit', 'x')`,
      );
      const [row] = await selectRows<{ name: string }>(
        db,
        sql`select tableoid::regclass::text as name from audit_log where township_id = ${TOWNSHIP} limit 1`,
      );
      partition = row?.name as string;
      expect(partition).toMatch(/^audit_log_p\d\d$/);
    });

    it.each([
      ['UPDATE through the parent', () => `UPDATE audit_log SET action = 'tampered'`],
      ['DELETE through the parent', () => `DELETE FROM audit_log`],
      ['TRUNCATE of the parent', () => `TRUNCATE audit_log`],
      ['UPDATE of the partition', () => `UPDATE ${partition} SET action = 'tampered'`],
      ['DELETE from the partition', () => `DELETE FROM ${partition}`],
      ['TRUNCATE of the partition', () => `TRUNCATE ${partition}`],
    ])('refuses %s', async (_label, statement) => {
      const before = await count();
      expect(before).toBeGreaterThan(0);
      await expect(db.execute(sql.raw(statement()))).rejects.toThrow();
      expect(await count()).toBe(before);
    });

    it('refuses TRUNCATE of every partition, each carrying its own statement trigger', async () => {
      const triggers = await selectRows<{ name: string }>(
        db,
        sql`select c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
            where t.tgname = 'audit_log_no_truncate' and c.relispartition order by 1`,
      );
      expect(triggers).toHaveLength(MODULUS);
      for (const { name } of triggers) await expect(db.execute(sql.raw(`TRUNCATE ${name}`))).rejects.toThrow();
    });
  });
});
