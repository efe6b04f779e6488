/**
 * Where a report reads from (issue 10, read replica). With DATABASE_READ_URL set, dashboards,
 * accountability and exports read from a streaming replica and every write goes to the primary.
 *
 * A replica lags. So that nobody's report hides what they have just done, each command a user
 * commits records the primary's WAL position for that user: `pg_current_wal_insert_lsn()` right
 * after the commit, which is past the commit record even with synchronous_commit off (the write
 * position `pg_current_wal_lsn()` may not be yet). That user's report reads go to the primary
 * until the replica's replay position (`pg_last_wal_replay_lsn()`) has passed it; everyone else
 * reads the replica. The replay position is asked at most every 100 ms and shared by all
 * requests, so a report costs the primary nothing and the replica one tiny query per 100 ms.
 *
 * Kept per user and in this process's memory (no cookie): one person on a phone and a desk sees
 * their own writes on both; several app processes behind a balancer would each need the user's
 * position (see docs/SCALING.md). Without a replica, or on PGlite, every read is the primary's.
 */
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type Database, type Db, selectRows } from './client';

/** How long one reading of the replica's replay position serves every request. */
export const REPLAY_CACHE_MS = 100;
/** After the replica failed to answer, how long reports go to the primary before asking again. */
const REPLICA_DOWN_MS = 1_000;
/** A user whose write position could not be read stays on the primary until their next write. */
const UNKNOWN = 0xffff_ffff_ffff_ffffn;

/** 'XXXXXXXX/YYYYYYYY' (PostgreSQL's pg_lsn text) → one comparable number. */
export function parseLsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  if (hi === undefined || lo === undefined) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export class ReadRouting {
  /** each user's last write position not yet known to be replayed */
  private readonly pending = new Map<string, bigint>();
  private replay: { lsn: bigint | null; until: number } = { lsn: null, until: 0 };
  private asking: Promise<bigint | null> | null = null;
  /** reads served by each side, for tests and logs */
  readonly served = { primary: 0, replica: 0 };

  constructor(
    private readonly database: Database,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** After a user's committed write: their reports go to the primary until the replica has it. */
  async noteWrite(userId: string | null): Promise<void> {
    if (!this.database.replica || !userId) return;
    try {
      const [row] = await selectRows<{ lsn: string }>(this.database.db, sql`select pg_current_wal_insert_lsn()::text as lsn`);
      const lsn = parseLsn(row?.lsn ?? '');
      const before = this.pending.get(userId);
      if (before === undefined || before === UNKNOWN || lsn > before) this.pending.set(userId, lsn);
    } catch {
      // The write committed; not knowing where it is, be safe rather than fail the answer.
      this.pending.set(userId, UNKNOWN);
    }
  }

  /** The handle a user's report reads through. */
  async dbFor(userId: string | null): Promise<Db> {
    const replica = this.database.replica;
    if (!replica) return this.database.db;
    const replayed = await this.replayLsn();
    const mine = userId ? this.pending.get(userId) : undefined;
    if (replayed !== null && (mine === undefined || replayed >= mine)) {
      this.served.replica++;
      return replica.db;
    }
    this.served.primary++;
    return this.database.db;
  }

  /** The replica's replay position, at most REPLAY_CACHE_MS old; null when it cannot be used. */
  private async replayLsn(): Promise<bigint | null> {
    if (this.now() < this.replay.until) return this.replay.lsn;
    this.asking ??= this.askReplica().finally(() => {
      this.asking = null;
    });
    return this.asking;
  }

  private async askReplica(): Promise<bigint | null> {
    let lsn: bigint | null = null;
    let wait = REPLAY_CACHE_MS;
    try {
      const replica = this.database.replica as NonNullable<Database['replica']>;
      // null on a server that is not replaying (a primary): its positions are not comparable.
      const [row] = await selectRows<{ lsn: string | null }>(replica.db, sql`select pg_last_wal_replay_lsn()::text as lsn`);
      lsn = row?.lsn ? parseLsn(row.lsn) : null;
    } catch {
      wait = REPLICA_DOWN_MS;
    }
    this.replay = { lsn, until: this.now() + wait };
    // Users the replica has caught up with need no entry any more.
    if (lsn !== null) for (const [user, at] of this.pending) if (at <= lsn) this.pending.delete(user);
    return lsn;
  }
}

const routings = new WeakMap<Database, ReadRouting>();

/** The one routing of a database (created on first use). */
export function readRouting(database: Database): ReadRouting {
  let routing = routings.get(database);
  if (!routing) {
    routing = new ReadRouting(database);
    routings.set(database, routing);
  }
  return routing;
}

/** The database handle of a report request: the one place report routes take it from. */
export function reportDb(req: FastifyRequest): Promise<Db> {
  return readRouting(req.server.deps.database).dbFor(req.principal?.userId ?? null);
}

/** Called by runCommand after a commit (a no-op without a replica). */
export function noteWrite(database: Database, userId: string | null): Promise<void> {
  return database.replica ? readRouting(database).noteWrite(userId) : Promise.resolve();
}
