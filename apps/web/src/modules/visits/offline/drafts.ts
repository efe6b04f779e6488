/** Drafts of half-filled visit forms: saved as the cadre types, restored when the form opens again. */
import type { DraftEntry, VisitDb } from './db';

export const draftKey = (userId: string, householdId: string) => `${userId}:${householdId}`;

export async function saveDraft(db: VisitDb, draft: Omit<DraftEntry, 'key' | 'savedAt'>, now: Date = new Date()): Promise<void> {
  await db.drafts.put({ ...draft, key: draftKey(draft.userId, draft.householdId), savedAt: now.toISOString() });
}

export function loadDraft(db: VisitDb, userId: string, householdId: string): Promise<DraftEntry | undefined> {
  return db.drafts.get(draftKey(userId, householdId));
}

export async function deleteDraft(db: VisitDb, userId: string, householdId: string): Promise<void> {
  await db.drafts.delete(draftKey(userId, householdId));
}

/** The households a person has drafts for (the task list marks them 草稿). */
export async function draftHouseholds(db: VisitDb, userId: string): Promise<Set<string>> {
  const rows = await db.drafts.where('userId').equals(userId).toArray();
  return new Set(rows.map((d) => d.householdId));
}
