/** The outbox on fake-indexeddb: forms survive a reload, go when the network is back, and reach the server once. */
import type { VisitFormInput } from '@fupin/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openVisitDb, type SubmitAnswer, type VisitDb } from './db';
import { deleteDraft, draftHouseholds, loadDraft, saveDraft } from './drafts';
import { classify, discard, enqueue, flush, outboxOf, retry, type Sender, waitingOf } from './queue';

const deps = { indexedDB, IDBKeyRange };
let n = 0;
const opened: VisitDb[] = [];
function freshDb(name = `visits-test-${++n}`): VisitDb {
  const db = openVisitDb(name, deps);
  opened.push(db);
  return db;
}
afterEach(async () => {
  const names = new Set<string>();
  for (const db of opened.splice(0)) {
    db.close();
    names.add(db.name);
  }
  for (const name of names) await openVisitDb(name, deps).delete();
});

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const form = (i: number, householdId = uuid(100 + i)): VisitFormInput =>
  ({ id: uuid(i), householdId, campaignId: uuid(999) }) as unknown as VisitFormInput;

/** A server that records each form id once and answers `duplicate` after that. */
function fakeServer() {
  const stored = new Map<string, number>();
  const calls: string[] = [];
  const send: Sender = async (f) => {
    calls.push(f.id);
    const duplicate = stored.has(f.id);
    if (!duplicate) stored.set(f.id, 1);
    return {
      visitId: f.id,
      householdId: f.householdId,
      problems: 0,
      discrepancies: 0,
      plausibility: [],
      flags: [],
      stale: false,
      duplicate,
    } satisfies SubmitAnswer;
  };
  return { stored, calls, send };
}
const offline: Sender = async () => {
  throw { status: 0, code: 'NETWORK', message: '网络连接失败' };
};

describe('the visit outbox', () => {
  it('keeps queued forms across a reload (a new connection to the same database)', async () => {
    const db = freshDb('visits-reload');
    await enqueue(db, { userId: 'u1', headName: '张三', form: form(1) });
    await enqueue(db, { userId: 'u1', headName: '李四', form: form(2) });
    db.close();
    const again = freshDb('visits-reload');
    const rows = await outboxOf(again, 'u1');
    expect(rows.map((r) => [r.headName, r.state])).toEqual([
      ['张三', 'pending'],
      ['李四', 'pending'],
    ]);
  });

  it('leaves everything pending while offline, then sends each form once when the network is back', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) }, new Date('2026-03-10T01:00:00Z'));
    await enqueue(db, { userId: 'u1', headName: 'b', form: form(2) }, new Date('2026-03-10T01:05:00Z'));
    const off = await flush(db, 'u1', offline);
    expect(off.stopped).toBe('offline');
    expect(off.waiting).toBe(2);
    const rows = await outboxOf(db, 'u1');
    expect(rows.map((r) => [r.state, r.attempts, r.error])).toEqual([
      ['pending', 1, '网络连接失败'],
      ['pending', 0, null],
    ]);
    const server = fakeServer();
    const on = await flush(db, 'u1', server.send);
    expect(on.sent.map((e) => e.id)).toEqual([uuid(1), uuid(2)]);
    expect(on.stopped).toBeNull();
    expect([...server.stored.keys()]).toEqual([uuid(1), uuid(2)]);
    expect(waitingOf(await outboxOf(db, 'u1'))).toHaveLength(0);
    // Nothing left to send: a further round sends nothing.
    await flush(db, 'u1', server.send);
    expect(server.calls).toHaveLength(2);
  });

  it('sends again after a lost answer, and the server keeps the form once', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) });
    const server = fakeServer();
    // The server records the form, but the answer never reaches the phone.
    const lost: Sender = async (f) => {
      await server.send(f);
      throw { status: 0, code: 'TIMEOUT', message: '超时' };
    };
    expect((await flush(db, 'u1', lost)).stopped).toBe('offline');
    const report = await flush(db, 'u1', server.send);
    expect(report.sent[0]?.answer?.duplicate).toBe(true);
    expect(server.calls).toEqual([uuid(1), uuid(1)]);
    expect(server.stored.size).toBe(1);
  });

  it('never sends a form twice when several rounds start at once (online event, visibility, the button)', async () => {
    const db = freshDb();
    for (const i of [1, 2, 3]) await enqueue(db, { userId: 'u1', headName: String(i), form: form(i) });
    const server = fakeServer();
    const slow: Sender = async (f) => {
      await new Promise((r) => setTimeout(r, 5));
      return server.send(f);
    };
    await Promise.all([flush(db, 'u1', slow), flush(db, 'u1', slow), flush(db, 'u1', slow)]);
    expect(server.calls.sort()).toEqual([uuid(1), uuid(2), uuid(3)]);
  });

  it('resends a form left "sending" by a page that closed mid-request', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) });
    await db.outbox.update(uuid(1), { state: 'sending' });
    const server = fakeServer();
    expect((await flush(db, 'u1', server.send)).sent).toHaveLength(1);
  });

  it('marks a refused form failed with the server’s reason and goes on with the next', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) });
    await enqueue(db, { userId: 'u1', headName: 'b', form: form(2) });
    const server = fakeServer();
    const picky: Sender = async (f) => {
      if (f.id === uuid(1))
        throw {
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          fields: [{ path: 'members', message: '家庭成员：至少 1 项' }],
        };
      return server.send(f);
    };
    const report = await flush(db, 'u1', picky);
    expect(report.failed.map((e) => [e.id, e.state, e.error, e.errorCode])).toEqual([
      [uuid(1), 'failed', '提交的内容有误；家庭成员：至少 1 项', 'VALIDATION_FAILED'],
    ]);
    expect(report.sent.map((e) => e.id)).toEqual([uuid(2)]);
    // A failed form is not retried by itself; 重试 puts it back in line, 删除 removes it.
    await flush(db, 'u1', server.send);
    expect(server.calls).toEqual([uuid(2)]);
    await retry(db, uuid(1));
    await flush(db, 'u1', server.send);
    expect(server.calls).toEqual([uuid(2), uuid(1)]);
    await enqueue(db, { userId: 'u1', headName: 'c', form: form(3) });
    await discard(db, uuid(3));
    expect((await outboxOf(db, 'u1')).map((e) => e.id)).toContain(uuid(3));
  });

  it('stops at a lost session with the forms still waiting', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) });
    const report = await flush(db, 'u1', async () => {
      throw { status: 401, code: 'UNAUTHENTICATED', message: '请先登录' };
    });
    expect(report.stopped).toBe('auth');
    expect((await outboxOf(db, 'u1'))[0]?.state).toBe('pending');
  });

  it('sends only the signed-in person’s forms', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) });
    await enqueue(db, { userId: 'u2', headName: 'b', form: form(2) });
    const server = fakeServer();
    await flush(db, 'u2', server.send);
    expect(server.calls).toEqual([uuid(2)]);
    expect((await outboxOf(db, 'u1'))[0]?.state).toBe('pending');
  });

  it('leaves a sent form alone when the same id is queued again, and forgets sent forms after two weeks', async () => {
    const db = freshDb();
    await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) }, new Date('2026-03-01T00:00:00Z'));
    const server = fakeServer();
    await flush(db, 'u1', server.send, () => new Date('2026-03-01T00:01:00Z'));
    expect((await enqueue(db, { userId: 'u1', headName: 'a', form: form(1) })).state).toBe('sent');
    await flush(db, 'u1', server.send, () => new Date('2026-03-20T00:00:00Z'));
    expect(await outboxOf(db, 'u1')).toEqual([]);
  });

  it('classifies failures: no answer and server trouble wait, refusals fail, a lost session waits for login', () => {
    expect(classify({ status: 0 })).toBe('retry');
    expect(classify({ status: 503 })).toBe('retry');
    expect(classify({ status: 429 })).toBe('retry');
    expect(classify({ status: 400, code: 'VALIDATION_FAILED' })).toBe('fail');
    expect(classify({ status: 409, code: 'IDEMPOTENCY_CONFLICT' })).toBe('fail');
    expect(classify({ status: 401, code: 'UNAUTHENTICATED' })).toBe('auth');
    expect(classify(new TypeError('x'))).toBe('retry');
  });
});

describe('drafts', () => {
  it('saves, restores and removes a draft per person and household', async () => {
    const db = freshDb();
    await saveDraft(db, { userId: 'u1', householdId: 'h1', campaignId: 'c', data: { step: 2 } });
    expect((await loadDraft(db, 'u1', 'h1'))?.data).toEqual({ step: 2 });
    expect(await loadDraft(db, 'u2', 'h1')).toBeUndefined();
    expect([...(await draftHouseholds(db, 'u1'))]).toEqual(['h1']);
    await deleteDraft(db, 'u1', 'h1');
    expect(await loadDraft(db, 'u1', 'h1')).toBeUndefined();
  });
});
