/**
 * Raw SQL and COPY inside one transaction, for bulk paths (seeding, later imports) where
 * row-by-row inserts through the ORM would be ten times slower, and for the few hot statements
 * that run on every request of a busy route as named prepared statements. PGlite takes COPY data
 * as a blob; a server takes it as a stream.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fillPlaceholders, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { type Database, type Db, preparedPool, type Tx } from './client';

export interface RawTx {
  /** which engine runs the transaction */
  readonly engine: 'pglite' | 'pg';
  /**
   * Rows returned, and rows written by an INSERT, UPDATE or DELETE. With a name, a server keeps
   * the statement prepared on the connection: parsed and planned once, then only bound and run
   * (one name, one text, always). PGlite runs it as any other statement.
   */
  query<R = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<{ rows: R[]; rowCount: number }>;
  /**
   * Loads CSV (FORMAT csv: unquoted empty is NULL) into the columns of a table: text, or its
   * UTF-8 bytes in chunks (as `CsvLines.chunks()` gives them).
   */
  copyIn(table: string, columns: readonly string[], csv: string | readonly Uint8Array[]): Promise<void>;
}

function copySql(table: string, columns: readonly string[]): string {
  return `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
}

type PgliteTx = {
  query<R>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: R[]; affectedRows?: number }>;
};

/** Raw queries and COPY on a connection inside a transaction (PGlite's or a pool client). */
function rawOn(client: PgliteTx | pg.ClientBase): RawTx {
  if (client instanceof pg.Client) {
    return {
      engine: 'pg',
      query: async <R>(text: string, params?: unknown[], name?: string) => {
        const result = await (name ? client.query({ name, text, values: params }) : client.query(text, params));
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      },
      copyIn: async (table, columns, csv) => {
        const stream = client.query(copyStreams.from(copySql(table, columns)));
        await pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv), stream);
      },
    };
  }
  const t = client as PgliteTx;
  return {
    engine: 'pglite',
    query: async <R>(text: string, params?: unknown[]) => {
      const result = await t.query<R>(text, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    copyIn: async (table, columns, csv) => {
      await t.query(copySql(table, columns).replace('FROM STDIN', "FROM '/dev/blob'"), [], {
        blob: new Blob(typeof csv === 'string' ? [csv] : (csv as Uint8Array[])),
      });
    },
  };
}

/** Runs work in one transaction on the raw connection. */
export async function rawTransaction<T>(database: Database, work: (tx: RawTx) => Promise<T>): Promise<T> {
  if (database.pglite) return database.pglite.transaction(async (t) => work(rawOn(t)));
  if (!database.pool) throw new Error('no connection');
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(rawOn(client));
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
 * Raw reads outside any transaction: on a server each statement takes a pooled connection of its
 * own, so reads started together run side by side; PGlite runs them in turn.
 */
export function rawReads(database: Database): Pick<RawTx, 'query'> {
  if (database.pglite) return rawOn(database.pglite);
  const { pool } = database;
  if (!pool) throw new Error('no connection');
  return {
    query: async <R>(text: string, params?: unknown[]) => {
      const result = await pool.query(text, params);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * The raw connection of a Drizzle transaction (a command's), for COPY and large statements in
 * that same transaction. Both drivers keep it as the transaction session's `client`.
 */
export function rawOf(tx: Tx): RawTx {
  const client = (tx as unknown as { session?: { client?: PgliteTx | pg.ClientBase } }).session?.client;
  if (!client) throw new Error('no raw connection in this transaction');
  return rawOn(client);
}

const dialect = new PgDialect();

/**
 * A hot statement: Drizzle SQL with `sql.placeholder(...)` for what varies, turned into text once,
 * then run as a named prepared statement (see RawTx.query): in a command's transaction, or on
 * the database outside any (a read, or a write that is one statement and so its own transaction).
 */
export function namedStatement<R>(name: string, build: () => SQL) {
  let query: Query | null = null;
  return async (on: Tx | Db, values: Record<string, unknown>): Promise<R[]> => {
    query ??= dialect.sqlToQuery(build());
    const params = fillPlaceholders(query.params, values);
    if ('rollback' in on) return (await rawOf(on).query<R>(query.sql, params, name)).rows;
    // Outside a transaction: the driver's own client (a pool, or PGlite).
    const client = (on as unknown as { $client: pg.Pool | PgliteTx }).$client;
    if (client instanceof pg.Pool)
      return (await preparedPool(client).query({ name, text: query.sql, values: params })).rows as R[];
    return (await client.query<R>(query.sql, params)).rows;
  };
}

/** One CSV field: null is an unquoted empty field; everything else is quoted. */
export function csvField(value: unknown): string {
  // The common cases first: this runs for every value of a bulk load.
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    // A PostgreSQL text[] literal inside a CSV field.
    const literal = `{${value.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
    return `"${literal.replace(/"/g, '""')}"`;
  }
  const text = JSON.stringify(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Blocks CSV bytes are written into, kept for the next COPY once one is done with them. */
const BLOCK_BYTES = 1 << 20;
const SPARE_BLOCKS = 16;
const spareBlocks: Buffer[] = [];

/**
 * CSV lines gathered for one COPY, joined a few hundred lines at a time and written as UTF-8 into
 * blocks of 1 MB outside the JavaScript heap, which `release()` hands to the next batch once its
 * COPY is done. A batch waits for its COPY while the next one is built: kept as strings, it
 * outlived two young-generation collections and was copied into the old generation, so all of a
 * file's CSV went through it and the heap swelled by a hundred megabytes and more before each
 * full collection; as a fresh buffer per chunk, the same happened to the buffers' handles, and
 * their bytes stayed until a full collection too. Now the strings die young and the bytes are
 * the same few blocks over and over.
 */
export class CsvLines {
  private blocks: Buffer[] = [];
  /** bytes written into each block */
  private filled: number[] = [];
  private pending: string[] = [];
  /** lines pushed so far */
  length = 0;

  push(line: string): void {
    this.pending.push(line);
    this.length++;
    if (this.pending.length >= 256) this.seal();
  }

  private seal(): void {
    this.pending.push('');
    const text = this.pending.join('\n');
    this.pending = [];
    // At most 3 bytes of UTF-8 per UTF-16 unit: a block with that much room left takes it whole.
    const room = text.length * 3;
    let last = this.blocks.length - 1;
    if (last < 0 || (this.blocks[last] as Buffer).length - (this.filled[last] as number) < room) {
      this.blocks.push(
        room > BLOCK_BYTES ? Buffer.allocUnsafeSlow(room) : (spareBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES)),
      );
      this.filled.push(0);
      last++;
    }
    const at = this.filled[last] as number;
    this.filled[last] = at + (this.blocks[last] as Buffer).write(text, at, 'utf8');
  }

  /**
   * The CSV as chunks of bytes, every line ended by a newline; none when no line was pushed.
   * They are good until `release()`.
   */
  chunks(): Buffer[] {
    if (this.pending.length) this.seal();
    return this.blocks.map((block, n) => block.subarray(0, this.filled[n]));
  }

  /** The CSV text, every line ended by a newline; empty when no line was pushed. */
  text(): string {
    return this.chunks()
      .map((c) => c.toString('utf8'))
      .join('');
  }

  /** Hands the blocks on to later batches: the bytes of `chunks()` are not to be used after. */
  release(): void {
    for (const block of this.blocks)
      if (block.length === BLOCK_BYTES && spareBlocks.length < SPARE_BLOCKS) spareBlocks.push(block);
    this.blocks = [];
    this.filled = [];
  }
}

/** CSV text of rows, each given as values in column order. */
export function toCsv(rows: Iterable<readonly unknown[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
