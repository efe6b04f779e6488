/**
 * The outbox in React: whether the phone is online, the person's queued forms (live from
 * IndexedDB), and sending them — when the network returns, when the app starts or comes back to
 * the screen, every minute while something waits, and on 立即同步.
 */
import { useQueryClient } from '@tanstack/react-query';
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { sendVisit } from '../api';
import { type OutboxEntry, visitDb } from './db';
import { type FlushReport, flush, outboxOf, waitingOf } from './queue';

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** navigator.onLine, following the online and offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** The person's outbox, oldest first, as IndexedDB changes (in this tab or another). */
export function useOutbox(userId: string | undefined): OutboxEntry[] | undefined {
  const [entries, setEntries] = useState<OutboxEntry[] | undefined>(undefined);
  useEffect(() => {
    if (!userId) return;
    const sub = liveQuery(() => outboxOf(visitDb(), userId)).subscribe({
      next: setEntries,
      error: () => setEntries([]),
    });
    return () => sub.unsubscribe();
  }, [userId]);
  return entries;
}

type Listener = (report: FlushReport) => void;
const listeners = new Set<Listener>();

/** Called after every round that sent or refused something (the page shows stale notices). */
export function onSyncReport(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends what waits now (nothing is tried while the phone says it is offline). */
export async function syncNow(userId: string): Promise<FlushReport> {
  if (!navigator.onLine) {
    const waiting = waitingOf(await outboxOf(visitDb(), userId)).length;
    return { sent: [], failed: [], stopped: 'offline', waiting };
  }
  const report = await flush(visitDb(), userId, sendVisit);
  if (report.sent.length || report.failed.length) for (const l of listeners) l(report);
  return report;
}

/** Keeps the outbox moving while the person is signed in; refreshes the task list after a send. */
export function useBackgroundSync(userId: string) {
  const client = useQueryClient();
  const run = useCallback(async () => {
    try {
      const report = await syncNow(userId);
      if (report.sent.length) await client.invalidateQueries({ queryKey: ['visits'] });
    } catch (error) {
      // IndexedDB unavailable (private mode on some phones): the page says so when it queues.
      console.error(error);
    }
  }, [userId, client]);

  useEffect(() => {
    void run();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    window.addEventListener('online', run);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => void run(), 60_000);
    return () => {
      window.removeEventListener('online', run);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [run]);
}
