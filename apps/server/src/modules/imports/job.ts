/**
 * Reads an uploaded file in the background: stage every row, check across rows, count what a
 * commit would do, and leave the import 'checked' (ready) or 'invalid' (with every error listed),
 * or 'failed' when the file cannot be read at all.
 */
import { rm } from 'node:fs/promises';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rawReads, rawTransaction, toCsv } from '../../db/raw';
import { householdTags, units } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { crossCheck } from './cross-checks';
import { matchStaged } from './diff.sql';
import { previewCounts } from './preview';
import { setImportState } from './repository';
import { type StagingPlace, stageFile } from './stage-file';

/** The villages (with groups) and tags an import into a unit may use. */
export async function placeOf(database: Database, townshipId: string, unitId: string): Promise<StagingPlace> {
  const { db } = database;
  const villageRows = await db
    .select()
    .from(units)
    .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village'), or(eq(units.id, unitId), eq(units.parentId, unitId))))
    .orderBy(asc(units.sortOrder));
  const groupRows = villageRows.length
    ? await db
        .select()
        .from(units)
        .where(
          and(
            eq(units.kind, 'group'),
            inArray(
              units.villageId,
              villageRows.map((v) => v.id),
            ),
          ),
        )
        .orderBy(asc(units.sortOrder))
    : [];
  const tags = await db.select().from(householdTags).where(eq(householdTags.townshipId, townshipId));
  return {
    townshipId,
    villages: villageRows.map((v) => ({
      id: v.id,
      name: v.name,
      code: v.code,
      groups: groupRows.filter((g) => g.villageId === v.id).map((g) => ({ id: g.id, name: g.name })),
    })),
    tags: tags.map((x) => ({ code: x.code, labelZh: x.labelZh, labelEn: x.labelEn })),
  };
}

export async function readImport(
  deps: { database: Database; clock: Clock; log: { warn(fields: object, message: string): void } },
  job: { townshipId: string; importId: string; unitId: string; path: string; today: string },
): Promise<void> {
  const { database, clock } = deps;
  const { townshipId, importId } = job;
  try {
    const place = await placeOf(database, townshipId, job.unitId);
    const staged = await stageFile(database, importId, job.path, place, job.today, (rowsRead) =>
      setImportState(database.db, townshipId, importId, { rowsRead, updatedAt: clock.now() }),
    );
    // Freshly copied rows have no planner statistics yet (PGlite runs no autovacuum): without them
    // the checks below pick nested loops over whole tables. Only the columns they join on.
    await database.db.execute(
      sql`analyze import_households (township_id, import_id, row_no, household_number, household_id),
                  import_members (township_id, import_id, row_no, household_number, id_number, member_id)`,
    );
    await matchStaged((q) => database.db.execute(q), townshipId, importId);
    // The checks and the counts only read (staged rows are committed): outside a transaction, so
    // that on a server they run side by side on connections of their own.
    const reads = rawReads(database);
    const found = await crossCheck(reads, {
      townshipId,
      importId,
      villageIds: place.villages.map((v) => v.id),
      headers: staged.headers,
    });
    const base = staged.errorCount;
    if (found.errors.length) {
      await rawTransaction(database, (tx) =>
        tx.copyIn(
          'import_errors',
          ['township_id', 'import_id', 'seq', 'sheet', 'row_no', 'column_letter', 'header', 'message_key', 'params'],
          toCsv(
            found.errors.map((e, n) => [
              townshipId,
              importId,
              base + n + 1,
              e.sheet,
              e.row,
              e.letter,
              e.header,
              e.key,
              e.params ? JSON.stringify(e.params) : null,
            ]),
          ),
        ),
      );
    }
    const counts = await previewCounts(reads, townshipId, importId, staged);
    const errorCount = base + found.count;
    await setImportState(database.db, townshipId, importId, {
      status: errorCount > 0 ? 'invalid' : 'checked',
      errorCount,
      counts,
      rowsRead: staged.householdRows + staged.memberRows,
      updatedAt: clock.now(),
    });
  } catch (error) {
    // The reader sees only a key; the cause goes to the server's log.
    deps.log.warn({ err: error, importId }, 'an uploaded registry file could not be read');
    await setImportState(database.db, townshipId, importId, {
      status: 'failed',
      failure: describeFailure(error),
      updatedAt: clock.now(),
    });
  } finally {
    await rm(job.path, { force: true });
  }
}

/** A reason the reader can act on, for a file the reader library could not open. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/zip|central directory|end of data|invalid signature|corrupt/i.test(text)) return 'import.not_xlsx';
  return 'import.unreadable';
}
