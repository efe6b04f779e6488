/**
 * A fresh, migrated database and application per test file, on whichever engine the running
 * project names (FUPIN_TEST_DB=pglite or pg).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { type Config, testConfig } from '../src/config';
import { type Database, openPglite, openPostgres } from '../src/db/client';
import { FixedClock } from '../src/lib/clock';
import { withDatabase } from './global-setup';

export const dbKind = process.env.FUPIN_TEST_DB === 'pg' ? 'pg' : 'pglite';

/** A new database with every migration applied; closing it drops it. */
export async function createTestDatabase(): Promise<Database> {
  if (dbKind === 'pg') {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `fupin_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const database = await openPostgres(withDatabase(url, name), 5);
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openPglite(undefined, new Blob([dump]));
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: FixedClock;
  close(): Promise<void>;
}

/** The application on a fresh database with a clock standing at 2020-03-10 09:00 Beijing time. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new FixedClock('2020-03-10T01:00:00Z');
  const app = await buildApp({ config: testConfig(overrides), database, clock });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
