/**
 * Unfinished imports give up their staged rows after a while. A 100,000-household file stages
 * 450,000 rows, and an office that uploads its file five times before it is right would keep five
 * copies for good: an import still being read, checked or refused (invalid) that nobody touched
 * for STAGED_ROWS_KEPT_DAYS becomes 'failed' with import.expired (upload the file again), each
 * with its audit record; then the staged rows of every failed import of that age, and whatever a
 * committed import left behind (a second click's flags computed beside the commit), are deleted.
 * The server runs it when it starts and once a day.
 */
import { and, inArray, lt, sql } from 'drizzle-orm';
import { IMPORT_STAGING_TABLES, imports } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export const STAGED_ROWS_KEPT_DAYS = 7;

export async function expireStaleImports(ctx: CommandContext, input: { olderThan: Date }): Promise<{ expired: number }> {
  const { tx, now } = ctx;
  const stale = await tx
    .update(imports)
    .set({ status: 'failed', failure: 'import.expired', updatedAt: now })
    .where(and(inArray(imports.status, ['reading', 'checked', 'invalid']), lt(imports.updatedAt, input.olderThan)))
    .returning({ townshipId: imports.townshipId, id: imports.id, unitId: imports.unitId, fileName: imports.fileName });
  for (const row of stale)
    await ctx.audit.record({
      townshipId: row.townshipId,
      entityType: 'import',
      entityId: row.id,
      action: 'expire',
      unitId: row.unitId,
      after: { fileName: row.fileName, failure: 'import.expired' },
    });
  const before = input.olderThan.toISOString();
  for (const table of IMPORT_STAGING_TABLES)
    await tx.execute(
      sql`delete from ${sql.raw(table)} s using imports i
          where i.township_id = s.township_id and i.id = s.import_id
            and (i.status = 'committed' or (i.status = 'failed' and (i.failure = 'import.expired' or i.updated_at < ${before}::timestamptz)))`,
    );
  return { expired: stale.length };
}
