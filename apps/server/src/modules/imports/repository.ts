/** SQL of import records. */
import { DomainError, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { imports } from '../../db/schema/index';

export type ImportRow = typeof imports.$inferSelect;

export async function getImport(db: Db | Tx, id: string): Promise<ImportRow> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.import') });
  return row;
}

/** The unit an import was made for, for the access check; null when it does not exist. */
export async function unitOfImport(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ unitId: imports.unitId }).from(imports).where(eq(imports.id, id)).limit(1);
  return row ? [row.unitId] : null;
}

export async function setImportState(db: Db | Tx, townshipId: string, id: string, state: Partial<ImportRow>): Promise<void> {
  await db
    .update(imports)
    .set(state)
    .where(and(eq(imports.townshipId, townshipId), eq(imports.id, id)));
}
