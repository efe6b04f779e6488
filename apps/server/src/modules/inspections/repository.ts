/** SQL of sites, checklists and inspections. */
import { type ChecklistItem, DEFAULT_CHECKLISTS, DomainError, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { checklists, sites } from '../../db/schema/index';

export async function getSite(db: Db | Tx, townshipId: string, id: string) {
  const [row] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.townshipId, townshipId), eq(sites.id, id)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.site') });
  return row;
}

/** The township's checklist of a site kind or sector, or the default one. */
export async function checklistOf(db: Db | Tx, townshipId: string, target: string): Promise<ChecklistItem[]> {
  const [row] = await db
    .select()
    .from(checklists)
    .where(and(eq(checklists.townshipId, townshipId), eq(checklists.target, target)));
  if (row) return row.items as ChecklistItem[];
  const items = DEFAULT_CHECKLISTS[target];
  if (!items) throw new DomainError('NOT_FOUND', { entity: term('entity.checklist') });
  return items;
}
