/**
 * `fupin restore <file>`: loads a backup into an EMPTY database (PGlite in DATA_DIR, or the
 * PostgreSQL database of DATABASE_URL; either engine takes a backup of either). Steps:
 *   1. the file is read through once and refused if incomplete or damaged;
 *   2. the target gets the schema the backup was made with (its migrations, not more), and is
 *      refused unless every table is empty;
 *   3. every table is loaded with COPY in one transaction, parents first; COPY fires no UPDATE or
 *      DELETE triggers, so the append-only audit log loads like any other table, and a failure
 *      leaves the target as empty as it was;
 *   4. migrations newer than the backup then run as on any start, so an older backup restores
 *      into a newer version of Fupin.
 */

import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import copyStreams from 'pg-copy-streams';
import { type Database, MIGRATIONS_FOLDER, migrateDatabase } from '../db/client';
import {
  appliedMigrations,
  type BackupHeader,
  type BackupTable,
  COPY_SETTINGS,
  listTables,
  type Query,
  quoteIdent,
  readBackup,
} from './backup-format';

export class RestoreRefused extends Error {}

/** Characters of COPY text a PGlite COPY takes at once (a test lowers it to load tables in many parts). */
export const restoreLimits = { pgliteCopyChars: 32_000_000 };

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  ms: number;
}

const copyFromSql = (t: BackupTable, source: string) =>
  `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) FROM ${source}`;

/** The raw connection of the target, in or out of the load's transaction. */
interface Target {
  query: Query;
  /** starts loading a table; `write` takes COPY text, `end` returns the rows the database took */
  copyIn(table: BackupTable): Promise<{ write(text: string): Promise<void>; end(): Promise<number> }>;
  release(): Promise<void>;
}

async function targetOf(database: Database): Promise<Target> {
  if (database.pglite) {
    const pglite: PGlite = database.pglite;
    return {
      query: async <R>(text: string) => (await pglite.query<R>(text)).rows,
      // PGlite takes COPY input as a blob: a table is loaded in COPYs of about 32 MB, so a table of
      // photos never has to sit in memory whole.
      copyIn: async (table) => {
        let parts: string[] = [];
        let size = 0;
        let rows = 0;
        const flush = async () => {
          if (!parts.length) return;
          const result = await pglite.query(copyFromSql(table, "'/dev/blob'"), [], { blob: new Blob(parts) });
          rows += result.affectedRows ?? 0;
          parts = [];
          size = 0;
        };
        return {
          write: async (text) => {
            parts.push(text);
            size += text.length;
            if (size > restoreLimits.pgliteCopyChars) await flush();
          },
          end: async () => {
            await flush();
            return rows;
          },
        };
      },
      release: async () => {},
    };
  }
  if (!database.pool) throw new Error('no connection pool');
  const client = await database.pool.connect();
  return {
    query: async <R>(text: string) => (await client.query(text)).rows as R[],
    copyIn: async (table) => {
      const stream = client.query(copyStreams.from(copyFromSql(table, 'STDIN')));
      let failure: Error | null = null;
      // Kept for the next write or the end, which rethrow it (an unheard 'error' would end the process).
      stream.on('error', (error) => {
        failure = error;
      });
      return {
        write: async (text) => {
          if (failure) throw failure;
          if (!stream.write(text)) await once(stream, 'drain');
        },
        end: async () => {
          stream.end();
          await finished(stream);
          return stream.rowCount ?? 0;
        },
      };
    },
    release: async () => client.release(),
  };
}

/** A folder holding only the first `count` migrations of this build, for the migrator (the caller removes it). */
export function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'fupin-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const sameMigrations = (a: { when: number }[], b: { when: number }[]) => a.every((m, i) => b[i]?.when === m.when);

/** Restores a backup file into the (empty) database. */
export async function restoreFromFile(database: Database, file: string, now: () => number = Date.now): Promise<RestoreSummary> {
  const started = now();
  // 1. The whole file, before anything is touched.
  const { header } = await readBackup(file);
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => ({ when: m.folderMillis }));
  if (!sameMigrations(header.migrations, known))
    throw new RestoreRefused(
      `备份来自更新的版本，本程序无法恢复 / the backup was made by a newer version of Fupin (schema with ${header.migrations.length} migrations; this one knows ${known.length}): restore it with that version`,
    );

  // 2. The backup's schema on the target, which must hold no rows.
  const target = await targetOf(database);
  try {
    const applied = await appliedMigrations(target.query);
    if (applied.length > header.migrations.length || !sameMigrations(applied, header.migrations))
      throw new RestoreRefused(
        `目标数据库的结构比备份新，请恢复到新建的空数据库 / the target database has a newer schema than the backup (${applied.length} migrations against ${header.migrations.length}): restore into a new, empty database`,
      );
    const folder = migrationsUpTo(header.migrations.length);
    try {
      await migrateDatabase(database, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const tables = await listTables(target.query);
    const filled = await nonEmptyTables(target.query, tables);
    if (filled.length)
      throw new RestoreRefused(
        `目标数据库不是空的，恢复已拒绝 / restore refused: the target database is not empty (${filled.join(', ')}). Restore only into a new, empty database.`,
      );
    const present = new Set(tables.map((t) => t.name));
    const missing = header.tables.filter((t) => !present.has(t.name)).map((t) => t.name);
    if (missing.length) throw new RestoreRefused(`the target lacks tables of the backup: ${missing.join(', ')}`);

    // 3. One transaction: all of it or nothing.
    let rows = 0;
    await target.query('BEGIN');
    try {
      for (const setting of COPY_SETTINGS) await target.query(setting);
      let copy: Awaited<ReturnType<Target['copyIn']>> | null = null;
      await readBackup(file, {
        rows: async (table, batch) => {
          copy ??= await target.copyIn(table);
          await copy.write(batch);
        },
        tableEnd: async (table, expected) => {
          const loaded = copy ? await copy.end() : 0;
          copy = null;
          if (loaded !== expected) throw new Error(`${table.name}: ${loaded} rows loaded, the backup holds ${expected}`);
          rows += loaded;
        },
      });
      await target.query('COMMIT');
    } catch (error) {
      await target.query('ROLLBACK').catch(() => {});
      throw error;
    }
    // 4. Up to this version's schema.
    await migrateDatabase(database);
    return { header, tables: header.tables.length, rows, ms: now() - started };
  } finally {
    await target.release();
  }
}

/** Tables holding rows, as "name (N rows)". */
async function nonEmptyTables(query: Query, tables: BackupTable[]): Promise<string[]> {
  if (!tables.length) return [];
  const counts = await query<{ name: string; n: string | number }>(
    tables.map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM ${quoteIdent(t.name)}`).join(' UNION ALL '),
  );
  return counts.filter((c) => Number(c.n) > 0).map((c) => `${c.name}: ${c.n}`);
}
