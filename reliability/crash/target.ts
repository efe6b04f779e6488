/**
 * Empty databases for the reliability tests on either engine, opened directly (with the server
 * stopped, on PGlite) to check what is stored, and digests of every table to compare two databases.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../apps/server/src/db/client';
import { listTables, type Query, quoteIdent } from '../../apps/server/src/ops/backup-format';
import { withDatabase } from '../../apps/server/test/global-setup';

export type Engine = 'pglite' | 'pg';
export const engine: Engine = process.env.FUPIN_TEST_DB === 'pg' ? 'pg' : 'pglite';

export interface Target {
  engine: Engine;
  /** the server's and the CLI's variables for this database */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A database without rows: a new PGlite folder or PostgreSQL database, with no schema at all, or
 * `migrated` (copied from the run's migrated database: a new PGlite folder's initdb alone takes
 * 3–12 s on this machine, loading the migrated copy 1–2 s).
 */
export async function emptyTarget(kind: Engine, options: { migrated?: boolean } = {}): Promise<Target> {
  if (kind === 'pg') {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) throw new Error('TEST_DATABASE_URL is not set');
    const name = `fupin_rel_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}${options.migrated ? ` TEMPLATE ${inject('pgTemplate')}` : ''}`);
    await admin.end();
    const url = withDatabase(server, name);
    return {
      engine: kind,
      env: { DATABASE_URL: url },
      open: () => openPostgres(url, 2),
      drop: async () => {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fupin-rel-'));
  const dataDir = join(dir, 'db');
  if (options.migrated) await (await openPglite(dataDir, new Blob([readFileSync(inject('pgliteDump'))]))).close();
  return {
    engine: kind,
    env: { DATABASE_URL: '', DATA_DIR: dataDir },
    open: () => openPglite(dataDir),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Raw queries on one connection in UTC (so timestamps print the same on both engines). */
export async function rawQuery<T>(database: Database, work: (query: Query) => Promise<T>): Promise<T> {
  if (database.pglite) {
    const p = database.pglite;
    await p.query(`SET TimeZone TO 'UTC'`);
    return work(async <R>(text: string) => (await p.query<R>(text)).rows);
  }
  if (!database.pool) throw new Error('no pool');
  const client = await database.pool.connect();
  try {
    await client.query(`SET TimeZone TO 'UTC'`);
    return await work(async <R>(text: string) => (await client.query(text)).rows as R[]);
  } finally {
    client.release();
  }
}

export interface Digest {
  rows: number;
  md5: string;
}

/** Every table's row count and the md5 of its rows as text, ordered by primary key. */
export async function tableDigests(database: Database): Promise<Map<string, Digest>> {
  return rawQuery(database, async (query) => {
    const digests = new Map<string, Digest>();
    for (const table of await listTables(query)) {
      const key = await query<{ name: string }>(
        `SELECT a.attname AS name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = 'public.${quoteIdent(table.name)}'::regclass AND i.indisprimary
         ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      );
      // Rows of a table without a primary key are ordered by their whole text.
      const order = key.length ? key.map((k) => `t.${quoteIdent(k.name)}`).join(', ') : 't::text';
      const [d] = await query<{ n: number | string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY ${order})) AS md5 FROM ${quoteIdent(table.name)} t`,
      );
      digests.set(table.name, { rows: Number(d?.n ?? 0), md5: d?.md5 ?? '' });
    }
    return digests;
  });
}

/** The tables whose digests differ, as "name: rows/md5 here vs there". */
export function digestDifferences(a: Map<string, Digest>, b: Map<string, Digest>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names]
    .filter((n) => a.get(n)?.rows !== b.get(n)?.rows || a.get(n)?.md5 !== b.get(n)?.md5)
    .map((n) => `${n}: ${JSON.stringify(a.get(n))} vs ${JSON.stringify(b.get(n))}`);
}
