/**
 * The planner's statistics, kept fresh by the app itself. PGlite runs no autovacuum at all, and
 * PostgreSQL's autovacuum analyses partitions but never a partitioned parent, while the estimates
 * for a statement on households, members, visits, problems or audit_log come from the parent's
 * statistics. Stale estimates turned the dashboard's visit counts into nested loops over every
 * household (250–450 ms a statement instead of 25–75 ms, seed-demo.ts), so the server refreshes
 * them when it starts, once a day, and after an import that changed many households.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** The partitioned tables (migration 0009), whose parents nothing else analyses. */
export const PARTITIONED_TABLES = ['households', 'members', 'visits', 'problems', 'audit_log'] as const;

/** An import that adds or changes at least this many households refreshes the statistics at once. */
export const IMPORT_REFRESH_HOUSEHOLDS = 1_000;

export async function refreshStatistics(database: Database): Promise<void> {
  // PGlite: every table (one township's database analyses in well under a second). PostgreSQL:
  // the parents, which also refreshes their partitions; autovacuum keeps the rest.
  await database.db.execute(database.kind === 'pglite' ? sql`analyze` : sql.raw(`analyze ${PARTITIONED_TABLES.join(', ')}`));
}
