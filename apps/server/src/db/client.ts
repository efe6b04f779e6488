/**
 * Opens the database: the embedded PGlite in a data folder when no URL is given, a PostgreSQL
 * server through `pg` otherwise. Both speak the same dialect through the same Drizzle schema,
 * and both run the same SQL migrations at start.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_FOLDER = resolve(import.meta.dirname, 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'pg';
  /** the embedded engine, when it is one (for dumps and COPY) */
  pglite?: PGlite;
  /** the connection pool, when on a server */
  pool?: pg.Pool;
  /** a streaming replica's pool (DATABASE_READ_URL) for report reads; db/read-routing.ts decides when */
  replica?: { db: Db; pool: pg.Pool };
  close(): Promise<void>;
}

/** Opens a PGlite database in a folder (created with its parents), or in memory when no folder is given. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  // A folder is this process's alone while open (see pglite-lock.ts): two PGlites on it corrupt it.
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

/**
 * Named prepared statements (the few hot ones: `namedStatement`, Drizzle's `.prepare(name)` on
 * `preparedDb(db)`) run on a pool of their own whose sessions plan them once: left to itself
 * (plan_cache_mode auto) PostgreSQL planned the visit submission's read afresh on every run,
 * ~1.3 ms of backend CPU each time against ~0.3 ms for running its generic plan — over partitioned
 * tables a generic plan is estimated dearer than a pruned custom one, though its partitions are
 * pruned when it starts. The setting applies to every parameterised statement of a session, not
 * only named ones, so the app's other statements stay on the main pool, planned per run with
 * their values in view (a generic plan guesses a township's and a campaign's share of a table).
 */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';
/** The app's statements read one township's rows: starting a parallel worker for them cost
 * 60–180 ms against 16–39 ms without (the overdue problems list at province size, SCALING.md
 * "Measured"). Maintenance and ad-hoc sessions keep the server's setting. */
const NO_PARALLEL_WORKERS = '-c max_parallel_workers_per_gather=0';

const preparedPools = new WeakMap<pg.Pool, pg.Pool>();
const preparedDbs = new WeakMap<Db, Db>();

/** The pool for named statements beside an app pool (itself when it has none). */
export function preparedPool(pool: pg.Pool): pg.Pool {
  return preparedPools.get(pool) ?? pool;
}

/** The database handle to build `.prepare(name)` statements on (itself on PGlite). */
export function preparedDb(db: Db): Db {
  return preparedDbs.get(db) ?? db;
}

/** Opens a pool on a PostgreSQL server; the application name tells the pools apart in pg_stat_activity. */
export async function openPostgres(
  url: string,
  max = 10,
  options: { applicationName?: string; connectTimeoutMs?: number } = {},
): Promise<Database> {
  const config = (settings: string): pg.PoolConfig => ({
    connectionString: url,
    max,
    application_name: options.applicationName ?? 'fupin',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 0,
    options: settings,
    // A connection is dear to open: a new backend loads the catalog of every partition and index
    // it touches and plans each named statement again (the visit submission's read: 50–130 ms).
    // pg's default drops a connection idle for 10 s, so every pause in a township's bursts of
    // submissions paid that again; five minutes keeps the working set between bursts.
    idleTimeoutMillis: 300_000,
  });
  const pool = new pg.Pool(config(NO_PARALLEL_WORKERS));
  // Connects only when a named statement first runs: tools that never run one never open it.
  const prepared = new pg.Pool(config(`${NO_PARALLEL_WORKERS} ${GENERIC_PLANS}`));
  // A failed idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  prepared.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  preparedPools.set(pool, prepared);
  preparedDbs.set(db, drizzlePg(prepared, { schema }) as unknown as Db);
  return {
    db,
    kind: 'pg',
    pool,
    close: async () => {
      await Promise.all([pool.end(), prepared.end()]);
    },
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: { url: string; dataDir: string; readUrl?: string }): Promise<Database> {
  const database = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir);
  await migrateDatabase(database);
  // A replica is only meaningful beside a PostgreSQL primary; PGlite reads itself.
  return options.url && options.readUrl ? withReplica(database, options.readUrl) : database;
}

/** The same database with a replica's pool beside it for report reads; closing closes both. */
export async function withReplica(database: Database, readUrl: string, max = 10): Promise<Database> {
  // An unreachable replica must fail fast: reports then go to the primary (read-routing.ts).
  const replica = await openPostgres(readUrl, max, { applicationName: 'fupin-read', connectTimeoutMs: 2_000 });
  return {
    ...database,
    replica: { db: replica.db, pool: replica.pool as pg.Pool },
    close: async () => {
      await replica.close();
      await database.close();
    },
  };
}

/** Applies every migration not yet applied (of another folder: a restore stops at its backup's schema). */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (database.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver's own database type
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await migratePg(database.db as any, { migrationsFolder });
  }
}

/** The rows of a raw SQL query, typed by the caller (both drivers answer with `.rows`). */
export async function selectRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
