/** The planner's statistics: the partitioned parents get them (nothing else analyses those), on either engine. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCounty } from '../../test/fixtures';
import { createTestDatabase } from '../../test/harness';
import type { Database } from '../db/client';
import { selectRows } from '../db/client';
import { PARTITIONED_TABLES, refreshStatistics } from './refresh-statistics';

describe('refreshStatistics', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Tables with statistics over the whole partitioned table (pg_stats' inherited rows). */
  const analysedParents = async () =>
    (
      await selectRows<{ tablename: string }>(
        database.db,
        sql`select distinct tablename from pg_stats where schemaname = 'public' and inherited order by tablename`,
      )
    ).map((r) => r.tablename);

  it('analyses the partitioned parents, which nothing else does', async () => {
    await seedCounty(database);
    expect(await analysedParents()).not.toContain('households');
    await refreshStatistics(database);
    const parents = await analysedParents();
    const counts = await selectRows<{ name: string; n: number }>(
      database.db,
      sql.raw(PARTITIONED_TABLES.map((t) => `select '${t}' as name, count(*)::int as n from ${t}`).join(' union all ')),
    );
    expect(counts.find((c) => c.name === 'households')?.n).toBeGreaterThan(0);
    expect(counts.find((c) => c.name === 'members')?.n).toBeGreaterThan(0);
    // pg_stats holds columns of tables with rows: every parent with rows has them now.
    for (const { name, n } of counts) if (n > 0) expect(parents, name).toContain(name);
  });
});
