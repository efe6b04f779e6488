/**
 * `fupin backup <file>`: every table of the application, evidence photos included (they are
 * rows of `problem_evidence`), from ONE consistent snapshot while the server keeps running:
 * on PostgreSQL one REPEATABLE READ, READ ONLY transaction COPYing table after table; on PGlite one
 * transaction of the server's own engine (it runs alone on its connection, so the server's
 * requests wait for it and nothing changes midway). Format: backup-format.ts.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Database } from '../db/client';
import {
  appliedMigrations,
  type BackupHeader,
  type BackupTable,
  type BackupTrailer,
  COPY_SETTINGS,
  copyHeadLine,
  formatEnd,
  formatHead,
  listTables,
  type Query,
  quoteIdent,
  readBackup,
} from './backup-format';

export interface BackupSummary {
  header: BackupHeader;
  trailer: BackupTrailer;
  bytes: number;
  ms: number;
}

/**
 * Writes with back-pressure: waits when the stream's buffer is full, and fails at once when the
 * stream is gone (a CLI that hung up) rather than waiting for ever inside the snapshot's
 * transaction, which on PGlite would hold up every request of the server.
 */
class Sink {
  constructor(private readonly stream: Writable) {}
  async write(chunk: string | Uint8Array): Promise<void> {
    const s = this.stream;
    if (s.destroyed) throw new Error('the backup stream was closed');
    if (s.write(chunk)) return;
    await new Promise<void>((ok, fail) => {
      const settle = (error?: Error) => {
        s.off('drain', onDrain).off('close', onClose).off('error', settle);
        if (error) fail(error);
        else ok();
      };
      const onDrain = () => settle();
      const onClose = () => settle(new Error('the backup stream was closed'));
      s.on('drain', onDrain).on('close', onClose).on('error', settle);
    });
  }
}

/** The lines of COPY text in a chunk (each row ends with exactly one newline). */
function countRows(chunk: Uint8Array): number {
  let n = 0;
  for (const byte of chunk) if (byte === 10) n++;
  return n;
}

/** One table's rows as COPY text, in chunks, from inside the snapshot's transaction. */
type CopyOut = (table: BackupTable) => AsyncIterable<Uint8Array>;

async function writeSections(
  sink: Sink,
  engine: 'pglite' | 'pg',
  query: Query,
  copyOut: CopyOut,
): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  for (const setting of COPY_SETTINGS) await query(setting);
  const [version] = await query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  const header: BackupHeader = {
    format: 'fupin-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    engine,
    serverVersion: version?.v ?? '',
    migrations: await appliedMigrations(query),
    tables: await listTables(query),
  };
  await sink.write(formatHead(header));
  const trailer: BackupTrailer = { tables: [], rows: 0 };
  for (const table of header.tables) {
    await sink.write(`${copyHeadLine(table)}\n`);
    let rows = 0;
    for await (const chunk of copyOut(table)) {
      rows += countRows(chunk);
      await sink.write(chunk);
    }
    await sink.write('\\.\n');
    trailer.tables.push({ name: table.name, rows });
    trailer.rows += rows;
  }
  await sink.write(formatEnd(trailer));
  return { header, trailer };
}

// Through a query: COPY TO refuses a partitioned table by name (households and four others since
// migration 0009), while a SELECT on the parent reads every partition once.
const copyToSql = (t: BackupTable, target: string) =>
  `COPY (SELECT ${t.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(t.name)}) TO ${target}`;

/** Writes the gzipped backup of the database into a stream (a file, or the control socket to a CLI). */
export async function writeBackup(database: Database, out: Writable): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const gzip = createGzip();
  const piped = pipeline(gzip, out);
  const sink = new Sink(gzip);
  let result: { header: BackupHeader; trailer: BackupTrailer };
  try {
    result = database.pglite ? await backupPglite(database, sink) : await backupPostgres(database, sink);
  } catch (error) {
    gzip.destroy(error as Error);
    await piped.catch(() => {});
    throw error;
  }
  gzip.end();
  await piped;
  return result;
}

async function backupPglite(database: Database, sink: Sink) {
  const pglite = database.pglite;
  if (!pglite) throw new Error('no PGlite');
  return pglite.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const query: Query = async <R>(text: string) => (await tx.query<R>(text)).rows;
    // PGlite hands COPY output over as a blob, not a stream: a large table (photos) is copied in
    // pages of about 16 MB by primary key, so the server never holds it whole.
    const copyOut: CopyOut = async function* (table) {
      const pages = await pagesOf(query, table);
      for (const sql of pages) {
        const result = await tx.query(sql);
        if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
      }
    };
    return writeSections(sink, 'pglite', query, copyOut);
  });
}

/** Bytes of COPY text one PGlite COPY should produce at most (a test lowers it). */
export const backupLimits = { pglitePageBytes: 16_000_000 };

/** The COPY statements of a table on PGlite: one, or pages by primary key when it is large. */
async function pagesOf(query: Query, table: BackupTable): Promise<string[]> {
  const whole = copyToSql(table, "'/dev/blob'");
  const name = quoteIdent(table.name);
  const [size] = await query<{ n: number; bytes: number }>(
    // A partitioned parent has no storage of its own: its size is the sum over its partitions.
    `SELECT count(*)::float8 AS n,
       (SELECT sum(pg_total_relation_size(relid))::float8 FROM pg_partition_tree('public.${name}'::regclass)) AS bytes
     FROM ${name}`,
  );
  const n = Number(size?.n ?? 0);
  // Hex doubles bytea in COPY text; the relation's size stands in for the text's.
  const perPage = Math.max(1, Math.floor(backupLimits.pglitePageBytes / ((2 * Number(size?.bytes ?? 0)) / Math.max(n, 1))));
  if (n <= perPage) return [whole];
  const key = await query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = 'public.${name}'::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
  );
  if (!key.length) return [whole];
  const columns = table.columns.map(quoteIdent).join(', ');
  const order = key.map((k) => quoteIdent(k.name)).join(', ');
  const pages: string[] = [];
  for (let offset = 0; offset < n; offset += perPage)
    pages.push(`COPY (SELECT ${columns} FROM ${name} ORDER BY ${order} LIMIT ${perPage} OFFSET ${offset}) TO '/dev/blob'`);
  return pages;
}

async function backupPostgres(database: Database, sink: Sink) {
  if (!database.pool) throw new Error('no connection pool');
  const client: pg.PoolClient = await database.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const query: Query = async <R>(text: string) => (await client.query(text)).rows as R[];
    const copyOut: CopyOut = (table) => client.query(copyStreams.to(copyToSql(table, 'STDOUT')));
    const result = await writeSections(sink, 'pg', query, copyOut);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Writes a backup file: first under a temporary name, then read back in full (gunzip, shape, row
 * counts) and only then renamed, so a file with the final name is always a complete backup.
 */
export async function backupToFile(
  file: string,
  write: (out: Writable) => Promise<unknown>,
  now: () => number = Date.now,
): Promise<BackupSummary> {
  const started = now();
  const partial = `${file}.partial`;
  try {
    await write(createWriteStream(partial));
    const { header, trailer } = await readBackup(partial);
    await rename(partial, file);
    return { header, trailer, bytes: (await stat(file)).size, ms: now() - started };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
