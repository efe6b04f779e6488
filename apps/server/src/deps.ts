/** What the application is built from: handed to `buildApp`, reachable as `app.deps`. */
import type { Config } from './config';
import type { Database } from './db/client';
import type { BackgroundJobs } from './lib/background';
import type { Clock } from './lib/clock';

export interface AppDeps {
  config: Config;
  /**
   * the primary; with DATABASE_READ_URL also `database.replica`. Report routes take their read
   * handle from `reportDb(req)` (db/read-routing.ts): the replica when it holds the reader's own
   * writes, else the primary (always the primary without a replica or on PGlite).
   */
  database: Database;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** work started by requests that goes on after the answer */
    jobs: BackgroundJobs;
  }
}
