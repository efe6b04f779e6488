/**
 * The outbox of visit forms. A submitted form is written here first, before any network attempt,
 * so closing the browser or losing the signal loses nothing; `flush` then sends what waits, one at
 * a time, oldest first. Each form carries the id made when it was opened and the server records an
 * id once, so sending again after a lost answer is harmless (it answers `duplicate: true`).
 * Pure of React and of the app's API client: the sender is passed in, and tests run it on
 * fake-indexeddb.
 */
import type { VisitFormInput } from '@fupin/domain';
import type { OutboxEntry, SubmitAnswer, VisitDb } from './db';

/** The shape of a failed request (the app's ApiError has it): status 0 means no answer at all. */
export interface SendError {
  status?: number;
  code?: string;
  message?: string;
}

export type Sender = (form: VisitFormInput) => Promise<SubmitAnswer>;

export interface FlushReport {
  sent: OutboxEntry[];
  failed: OutboxEntry[];
  /** why the round stopped early: no network, the session is gone, or nothing */
  stopped: 'offline' | 'auth' | null;
  /** forms still waiting after the round */
  waiting: number;
}

/** Sent forms are listed this long (已上传), then forgotten. */
const KEEP_SENT_MS = 14 * 24 * 3600_000;

/** What to do after a failed send: try later, wait for a login, or give up with the reason. */
export function classify(error: unknown): 'retry' | 'auth' | 'fail' {
  const e = (error ?? {}) as SendError;
  if (typeof e.status !== 'number') return 'retry';
  if (e.code === 'UNAUTHENTICATED' || e.code === 'PASSWORD_CHANGE_REQUIRED' || e.status === 401) return 'auth';
  if (e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 408) return 'retry';
  return 'fail';
}

function reasonOf(error: unknown): string {
  const e = (error ?? {}) as SendError & { fields?: { message: string }[] };
  const fields = Array.isArray(e.fields) ? e.fields.map((f) => f.message) : [];
  return [e.message ?? String(error), ...fields].filter(Boolean).join('；');
}

/** Puts a form in the outbox (a second call with the same id leaves a sent form alone). */
export async function enqueue(
  db: VisitDb,
  input: { userId: string; headName: string; form: VisitFormInput },
  now: Date = new Date(),
): Promise<OutboxEntry> {
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(input.form.id);
    if (existing?.state === 'sent') return existing;
    const entry: OutboxEntry = {
      id: input.form.id,
      userId: input.userId,
      householdId: input.form.householdId,
      campaignId: input.form.campaignId,
      headName: input.headName,
      form: input.form,
      state: 'pending',
      attempts: existing?.attempts ?? 0,
      queuedAt: existing?.queuedAt ?? now.toISOString(),
      lastAttemptAt: existing?.lastAttemptAt ?? null,
      sentAt: null,
      error: null,
      errorCode: null,
      answer: null,
    };
    await db.outbox.put(entry);
    return entry;
  });
}

/** A person's outbox, oldest first. */
export async function outboxOf(db: VisitDb, userId: string): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Forms not yet on the server (pending, or cut off mid-request). */
export function waitingOf(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return entries.filter((e) => e.state === 'pending' || e.state === 'sending');
}

// One round at a time per database in this page; other tabs are held off by the Web Locks API.
const rounds = new Map<string, Promise<unknown>>();

async function exclusively<T>(db: VisitDb, run: () => Promise<T>): Promise<T> {
  const previous = rounds.get(db.name) ?? Promise.resolve();
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  const next = previous.then(
    () => (locks ? (locks.request(`${db.name}:outbox`, run) as Promise<T>) : run()),
    () => (locks ? (locks.request(`${db.name}:outbox`, run) as Promise<T>) : run()),
  );
  rounds.set(db.name, next);
  try {
    return await next;
  } finally {
    if (rounds.get(db.name) === next) rounds.delete(db.name);
  }
}

/**
 * Sends the person's waiting forms. No network or a server in trouble stops the round with the
 * forms still pending; a lost session stops it too (they go after the next login); a refusal
 * (the form does not validate, the household is no longer theirs) marks that form failed with the
 * server's reason and goes on with the next.
 */
export function flush(db: VisitDb, userId: string, send: Sender, now: () => Date = () => new Date()): Promise<FlushReport> {
  return exclusively(db, async () => {
    const report: FlushReport = { sent: [], failed: [], stopped: null, waiting: 0 };
    const cutoff = new Date(now().getTime() - KEEP_SENT_MS).toISOString();
    const all = await outboxOf(db, userId);
    const old = all.filter((e) => e.state === 'sent' && (e.sentAt ?? e.queuedAt) < cutoff).map((e) => e.id);
    if (old.length) await db.outbox.bulkDelete(old);
    const queue = waitingOf(all);
    for (const [i, entry] of queue.entries()) {
      const attempt = now().toISOString();
      await db.outbox.update(entry.id, { state: 'sending', attempts: entry.attempts + 1, lastAttemptAt: attempt });
      let answer: SubmitAnswer;
      try {
        answer = await send(entry.form);
      } catch (error) {
        const kind = classify(error);
        const code = ((error ?? {}) as SendError).code ?? null;
        if (kind === 'fail') {
          await db.outbox.update(entry.id, { state: 'failed', error: reasonOf(error), errorCode: code });
          report.failed.push((await db.outbox.get(entry.id)) as OutboxEntry);
          continue;
        }
        await db.outbox.update(entry.id, { state: 'pending', error: reasonOf(error), errorCode: code });
        report.stopped = kind === 'auth' ? 'auth' : 'offline';
        report.waiting = queue.length - i;
        return report;
      }
      await db.outbox.update(entry.id, { state: 'sent', sentAt: now().toISOString(), answer, error: null, errorCode: null });
      report.sent.push((await db.outbox.get(entry.id)) as OutboxEntry);
    }
    return report;
  });
}

/** Puts a refused form back in line (after the cause was fixed elsewhere, say a pairing restored). */
export async function retry(db: VisitDb, id: string): Promise<void> {
  await db.outbox
    .where('id')
    .equals(id)
    .and((e) => e.state === 'failed')
    .modify({ state: 'pending' });
}

/** Removes a refused form from the outbox (its draft can be reopened from it first). */
export async function discard(db: VisitDb, id: string): Promise<void> {
  await db.outbox
    .where('id')
    .equals(id)
    .and((e) => e.state === 'failed')
    .delete();
}
