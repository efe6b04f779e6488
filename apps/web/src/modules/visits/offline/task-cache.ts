/**
 * The last tasks payload of each campaign, kept in IndexedDB: with no signal the task list and
 * the forms open from it (the service worker keeps a copy of the answer too; this one does not
 * depend on the worker having been installed when the list was loaded).
 */
import type { Campaign, TasksPayload } from '../api';
import { visitDb } from './db';

export async function cacheTasks(userId: string, payload: TasksPayload): Promise<void> {
  await visitDb().tasks.put({
    key: `${userId}:${payload.campaign.id}`,
    userId,
    payload,
    savedAt: new Date().toISOString(),
  });
}

export async function cachedTasks(userId: string, campaignId: string): Promise<TasksPayload | null> {
  const row = await visitDb().tasks.get(`${userId}:${campaignId}`);
  return row ? { ...(row.payload as TasksPayload), savedAt: row.savedAt } : null;
}

/** The campaign of the newest payload kept for the person. */
export async function cachedCampaign(userId: string): Promise<Campaign | null> {
  const rows = await visitDb().tasks.where('userId').equals(userId).toArray();
  const newest = rows.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  return newest ? (newest.payload as TasksPayload).campaign : null;
}
