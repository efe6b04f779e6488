/**
 * The backup file, shared by backup and restore: gzip of text in the shape of a data-only
 * pg_dump, so it stays readable and either engine can load it:
 *
 *   -- fupin-backup 1
 *   -- header {"engine":"pg","migrations":[…],"tables":[{"name":"units","columns":[…]}…]}
 *   COPY "units" ("township_id", …) FROM stdin;
 *   <rows in COPY text format, one a line>
 *   \.
 *   … one section a table, parents before the tables whose foreign keys point at them …
 *   -- end {"tables":[{"name":"units","rows":12}…],"rows":…}
 *
 * COPY text format escapes newlines inside values, so a row is always one line and a line that is
 * exactly `\.` only ever ends a section. The closing line proves the file complete: restore
 * refuses a file without it. Evidence photos live in the database (`problem_evidence.data`), so
 * they are rows like any other.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export const FORMAT_LINE = '-- fupin-backup 1';
const HEADER_PREFIX = '-- header ';
const END_PREFIX = '-- end ';

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupHeader {
  format: 'fupin-backup';
  version: 1;
  createdAt: string;
  engine: 'pglite' | 'pg';
  serverVersion: string;
  /** migrations applied to the source, oldest first (`when` is drizzle's folderMillis) */
  migrations: { when: number; hash: string }[];
  tables: BackupTable[];
}

export interface BackupTrailer {
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Session settings under which both engines write and read COPY text the same way: ISO dates in
 * UTC, hex bytea, floats exact. Applied with SET LOCAL inside the backup's and the restore's transaction.
 */
export const COPY_SETTINGS = [
  "SET LOCAL DateStyle TO 'ISO, YMD'",
  "SET LOCAL TimeZone TO 'UTC'",
  "SET LOCAL IntervalStyle TO 'postgres'",
  'SET LOCAL extra_float_digits TO 1',
  "SET LOCAL bytea_output TO 'hex'",
];

/** A query on whichever engine: rows only. */
export type Query = <R>(text: string) => Promise<R[]>;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function copyHeadLine(t: BackupTable): string {
  return `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) FROM stdin;`;
}

/**
 * The application's tables (schema public) with their stored columns (generated ones are
 * computed again on load), parents before children by foreign key, then by name. A partitioned
 * table (migration 0009) counts once, as its parent: its partitions are storage, not tables of
 * their own, and a COPY into the parent routes each row to its partition again.
 */
export async function listTables(query: Query): Promise<BackupTable[]> {
  const tables = await query<{ name: string; columns: string[] | string }>(
    `SELECT c.relname AS name,
       (SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const edges = await query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent
     FROM pg_constraint co
     JOIN pg_class cl ON cl.oid = co.conrelid
     JOIN pg_class pr ON pr.oid = co.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE co.contype = 'f' AND n.nspname = 'public' AND co.conparentid = 0`,
  );
  const byName = new Map(
    tables.map((t) => [t.name, { name: t.name, columns: typeof t.columns === 'string' ? JSON.parse(t.columns) : t.columns }]),
  );
  const order = dependencyOrder(
    [...byName.keys()],
    edges.filter((e) => e.child !== e.parent),
  );
  return order.map((name) => byName.get(name) as BackupTable);
}

/** Kahn's algorithm, smallest name first among the ready, so the order is the same every time. */
export function dependencyOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const waiting = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (waiting.has(e.child) && waiting.has(e.parent)) waiting.get(e.child)?.add(e.parent);
  const order: string[] = [];
  while (waiting.size) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([n]) => n);
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...waiting.keys()].join(', ')}`);
    const next = ready.sort()[0] as string;
    order.push(next);
    waiting.delete(next);
    for (const parents of waiting.values()) parents.delete(next);
  }
  return order;
}

/** The migrations applied to a database, oldest first (none when it was never migrated). */
export async function appliedMigrations(query: Query): Promise<{ when: number; hash: string }[]> {
  const [exists] = await query<{ ok: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`);
  if (!exists?.ok) return [];
  const rows = await query<{ hash: string; created_at: string | number }>(
    'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at',
  );
  return rows.map((r) => ({ when: Number(r.created_at), hash: r.hash }));
}

export const formatHead = (header: BackupHeader) => `${FORMAT_LINE}\n${HEADER_PREFIX}${JSON.stringify(header)}\n`;
export const formatEnd = (trailer: BackupTrailer) => `${END_PREFIX}${JSON.stringify(trailer)}\n`;

/** What a reader of a backup file is told, in file order; each call is awaited before the next line is read. */
export interface BackupVisitor {
  header?(header: BackupHeader): Promise<void> | void;
  /** a section's rows, in batches of about a megabyte; each line ends with a newline */
  rows?(table: BackupTable, batch: string): Promise<void> | void;
  tableEnd?(table: BackupTable, rows: number): Promise<void> | void;
}

export class BackupFileError extends Error {}

/** The lines of a gzipped file, without their newline; a gunzip error (cut or damaged file) rejects the loop. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    rest = parts.pop() as string;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * Reads a backup file from start to end, checking its shape and its row counts against its
 * closing line; returns the header and closing line. A file cut short or altered throws.
 */
export async function readBackup(
  file: string,
  visitor: BackupVisitor = {},
): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const lines = linesOf(file);
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  let table: BackupTable | null = null;
  let batch: string[] = [];
  let batchBytes = 0;
  let rows = 0;
  const counted: { name: string; rows: number }[] = [];
  let lineNo = 0;
  const fail = (why: string): never => {
    throw new BackupFileError(`备份文件无效 / not a valid backup file (${file}, line ${lineNo}): ${why}`);
  };
  const flush = async () => {
    if (table && batch.length) await visitor.rows?.(table, `${batch.join('\n')}\n`);
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const line of lines) {
      lineNo++;
      if (trailer) fail('text after the closing line');
      if (lineNo === 1) {
        if (line !== FORMAT_LINE) fail('it does not start with the Fupin backup line');
        continue;
      }
      if (lineNo === 2) {
        if (!line.startsWith(HEADER_PREFIX)) fail('no header');
        header = JSON.parse(line.slice(HEADER_PREFIX.length)) as BackupHeader;
        await visitor.header?.(header);
        continue;
      }
      if (table) {
        if (line === '\\.') {
          await flush();
          await visitor.tableEnd?.(table, rows);
          counted.push({ name: table.name, rows });
          table = null;
          continue;
        }
        batch.push(line);
        batchBytes += line.length;
        rows++;
        if (batchBytes > 1_000_000) await flush();
        continue;
      }
      if (line.startsWith(END_PREFIX)) {
        trailer = JSON.parse(line.slice(END_PREFIX.length)) as BackupTrailer;
        continue;
      }
      const expected = header?.tables[counted.length];
      if (!expected || line !== copyHeadLine(expected)) fail(`unexpected line ${JSON.stringify(line.slice(0, 80))}`);
      table = expected as BackupTable;
      rows = 0;
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    // gunzip of a cut or damaged file, or a header that is not JSON
    throw new BackupFileError(`备份文件损坏 / the backup file is damaged or incomplete (${file}): ${(error as Error).message}`);
  }
  if (!header) return fail('empty');
  if (!trailer) return fail('the closing line is missing: the file is incomplete');
  const done = trailer;
  if (
    counted.length !== header.tables.length ||
    counted.some((c, i) => done.tables[i]?.rows !== c.rows) ||
    counted.reduce((n, c) => n + c.rows, 0) !== done.rows
  )
    fail('row counts differ from the closing line');
  return { header, trailer };
}
