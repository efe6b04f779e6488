/** What the application is built from: handed to `buildApp`, reachable as `app.deps`. */
import type { Config } from './config';
import type { Database } from './db/client';
import type { BackgroundJobs } from './lib/background';
import type { Clock } from './lib/clock';

export interface AppDeps {
  config: Config;
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
