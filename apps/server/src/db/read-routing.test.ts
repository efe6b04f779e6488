/**
 * The routing of report reads without servers: fake primary and replica handles that answer the
 * two position queries. The replica test (test/replica.test.ts) proves the same on real clusters.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Db } from './client';
import { parseLsn, REPLAY_CACHE_MS, ReadRouting } from './read-routing';

/** A handle answering `select … as lsn` with whatever `answer` says now (or throwing). */
function fakeDb(answer: () => string | null) {
  const handle = {
    calls: 0,
    execute: async () => {
      handle.calls++;
      return { rows: [{ lsn: answer() }] };
    },
  };
  return handle;
}

function setup() {
  const state = { primary: '0/100' as string, replayed: '0/100' as string | null, replicaDown: false, primaryDown: false };
  const primary = fakeDb(() => {
    if (state.primaryDown) throw new Error('primary gone');
    return state.primary;
  });
  const replica = fakeDb(() => {
    if (state.replicaDown) throw new Error('connection refused');
    return state.replayed;
  });
  const database = { db: primary as unknown as Db, kind: 'pg', replica: { db: replica as unknown as Db } } as Database;
  let now = 0;
  const routing = new ReadRouting(database, () => now);
  const side = async (user: string | null) =>
    (await routing.dbFor(user)) === (replica as unknown as Db) ? 'replica' : 'primary';
  const later = (ms: number) => {
    now += ms;
  };
  return { state, primary, replica, routing, side, later };
}

describe('parseLsn', () => {
  it.each([
    ['0/0', 0n],
    ['0/16B3748', 0x16b3748n],
    ['1/0', 2n ** 32n],
    ['A/FFFFFFFF', 10n * 2n ** 32n + 0xffffffffn],
  ])('%s is %s', (text, value) => {
    expect(parseLsn(text)).toBe(value);
  });

  it('orders across the high word and refuses what is not an LSN', () => {
    expect(parseLsn('0/FFFFFFFF') < parseLsn('1/0')).toBe(true);
    expect(() => parseLsn('16B3748')).toThrow(/not an LSN/);
  });
});

describe('report read routing', () => {
  it('without a replica every read is the primary and a write costs nothing', async () => {
    const primary = fakeDb(() => '0/1');
    const routing = new ReadRouting({ db: primary as unknown as Db, kind: 'pglite' } as Database);
    await routing.noteWrite('u1');
    expect(await routing.dbFor('u1')).toBe(primary);
    expect(primary.calls).toBe(0);
  });

  it('sends a writer to the primary until the replica has replayed their write; others read the replica', async () => {
    const t = setup();
    expect(await t.side('u1')).toBe('replica');
    t.state.primary = '0/200';
    await t.routing.noteWrite('u1');
    t.later(REPLAY_CACHE_MS);
    // replayed 0/100 < 0/200
    expect(await t.side('u1')).toBe('primary');
    expect(await t.side('u2')).toBe('replica');
    expect(await t.side(null)).toBe('replica');
    // one byte short is still short; exactly there is enough
    t.state.replayed = '0/1FF';
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u1')).toBe('primary');
    t.state.replayed = '0/200';
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u1')).toBe('replica');
    expect(t.routing.served).toEqual({ primary: 2, replica: 4 });
  });

  it('keeps the latest of a user’s writes', async () => {
    const t = setup();
    t.state.primary = '0/300';
    await t.routing.noteWrite('u1');
    t.state.primary = '0/250';
    await t.routing.noteWrite('u1');
    t.state.replayed = '0/2A0';
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u1')).toBe('primary');
  });

  it('asks the replica at most once per 100 ms, however many reads come', async () => {
    const t = setup();
    await Promise.all([t.side('a'), t.side('b'), t.side('c')]);
    await t.side('d');
    expect(t.replica.calls).toBe(1);
    t.later(REPLAY_CACHE_MS - 1);
    await t.side('a');
    expect(t.replica.calls).toBe(1);
    t.later(1);
    await t.side('a');
    expect(t.replica.calls).toBe(2);
  });

  it('reads the primary when the replica is down or not replaying, and asks again a second later', async () => {
    const t = setup();
    t.state.replicaDown = true;
    expect(await t.side('u2')).toBe('primary');
    t.state.replicaDown = false;
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u2')).toBe('primary');
    t.later(1_000 - REPLAY_CACHE_MS);
    expect(await t.side('u2')).toBe('replica');
    // promoted, or the URL names a primary: its positions say nothing about ours
    t.state.replayed = null;
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u2')).toBe('primary');
  });

  it('when the write position cannot be read, the writer stays on the primary until their next write', async () => {
    const t = setup();
    t.state.primaryDown = true;
    await t.routing.noteWrite('u1');
    t.state.primaryDown = false;
    t.state.replayed = 'FF/0';
    t.later(REPLAY_CACHE_MS);
    expect(await t.side('u1')).toBe('primary');
    t.state.primary = '0/500';
    await t.routing.noteWrite('u1');
    expect(await t.side('u1')).toBe('replica');
  });
});
