/**
 * What the phone keeps of the big visit in IndexedDB (Dexie): the outbox of submitted forms, the
 * drafts of half-filled ones, and the last tasks payload. Each row names the signed-in person it
 * belongs to: a shared phone never sends one cadre's form under another's session.
 */

import type { VisitFormInput } from '@fupin/domain';
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/** What the server answered for a form (POST /api/visits). */
export interface SubmitAnswer {
  visitId: string;
  householdId: string;
  problems: number;
  discrepancies: number;
  plausibility: unknown;
  flags: { ruleId: string; explanation: { zh: string; en: string } }[];
  stale: boolean;
  duplicate: boolean;
}

/**
 * pending: waiting for the network; sending: handed to fetch (left so only when the page died
 * mid-request, and then sent again: the id makes that harmless); sent: the server has it;
 * failed: the server refused it for good (the reason says why).
 */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** the form's own id, made on the phone: the server records it once however often it arrives */
  id: string;
  userId: string;
  householdId: string;
  campaignId: string;
  /** for the list: whose form it is */
  headName: string;
  form: VisitFormInput;
  state: OutboxState;
  attempts: number;
  queuedAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  /** the last reason it did not go through (kept while pending, for 失败: …) */
  error: string | null;
  errorCode: string | null;
  answer: SubmitAnswer | null;
}

export interface DraftEntry {
  /** `${userId}:${householdId}` */
  key: string;
  userId: string;
  householdId: string;
  campaignId: string;
  /** the whole draft as the form keeps it (values, step, the registry as it was seen) */
  data: unknown;
  savedAt: string;
}

export interface CachedTasks {
  /** `${userId}:${campaignId}` */
  key: string;
  userId: string;
  payload: unknown;
  savedAt: string;
}

export type VisitDb = Dexie & {
  outbox: EntityTable<OutboxEntry, 'id'>;
  drafts: EntityTable<DraftEntry, 'key'>;
  tasks: EntityTable<CachedTasks, 'key'>;
};

export const VISIT_DB_NAME = 'fupin-visits';

/** Opens (creating when needed) the database; tests pass fake-indexeddb's factory in `options`. */
export function openVisitDb(name = VISIT_DB_NAME, options?: DexieOptions): VisitDb {
  const db = new Dexie(name, options) as VisitDb;
  db.version(1).stores({
    outbox: 'id, userId, [userId+state], queuedAt',
    drafts: 'key, userId',
    tasks: 'key, userId',
  });
  return db;
}

let shared: VisitDb | null = null;

/** The app's one database connection. */
export function visitDb(): VisitDb {
  shared ??= openVisitDb();
  return shared;
}
