/**
 * `fupin backup <file>` and `fupin restore <file>` on the database the environment names:
 * PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. A PGlite folder a running server
 * holds is backed up by that server (control.ts); a restore into it is refused until it stops.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config';
import { type Database, openPglite, openPostgres } from '../db/client';
import { DataDirBusyError, dataDirOwner } from '../db/pglite-lock';
import { backupToFile, writeBackup } from './backup';
import { BackupFileError } from './backup-format';
import { requestBackup } from './control';
import { RestoreRefused, restoreFromFile } from './restore';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the command and returns the process's exit code; prints one line of figures, or why it refused. */
export async function runBackupCommand(command: 'backup' | 'restore', file: string | undefined, config: Config): Promise<number> {
  if (!file) {
    console.error(`usage: fupin ${command} <file>`);
    return 2;
  }
  try {
    if (command === 'backup') await backup(resolve(file), config);
    else await restore(resolve(file), config);
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused || error instanceof BackupFileError || error instanceof DataDirBusyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function backup(file: string, config: Config): Promise<void> {
  let how: string;
  let summary: Awaited<ReturnType<typeof backupToFile>>;
  if (config.DATABASE_URL) {
    how = 'PostgreSQL, one REPEATABLE READ snapshot';
    summary = await withDatabase(await openPostgres(config.DATABASE_URL, 1), (database) =>
      backupToFile(file, (out) => writeBackup(database, out)),
    );
  } else if (dataDirOwner(config.DATA_DIR) !== null) {
    how = `PGlite in ${resolve(config.DATA_DIR)}, through the running server`;
    summary = await backupToFile(file, (out) => requestBackup(config.DATA_DIR, out));
  } else {
    if (!existsSync(join(config.DATA_DIR, 'PG_VERSION')))
      throw new RestoreRefused(`数据目录里没有数据库 / there is no database in ${resolve(config.DATA_DIR)} (DATA_DIR)`);
    how = `PGlite in ${resolve(config.DATA_DIR)}`;
    summary = await withDatabase(await openPglite(config.DATA_DIR), (database) =>
      backupToFile(file, (out) => writeBackup(database, out)),
    );
  }
  const evidence = summary.trailer.tables.find((t) => t.name === 'problem_evidence')?.rows ?? 0;
  console.log(
    `备份完成 backup written: ${file} — ${mb(summary.bytes)}, ${summary.trailer.tables.length} tables, ` +
      `${summary.trailer.rows.toLocaleString('en')} rows, ${evidence} evidence file${evidence === 1 ? '' : 's'}, in ${seconds(summary.ms)} (${how})`,
  );
}

async function restore(file: string, config: Config): Promise<void> {
  const database = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL, 2) : await openPglite(config.DATA_DIR);
  const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${resolve(config.DATA_DIR)}`;
  const summary = await withDatabase(database, (d) => restoreFromFile(d, file));
  console.log(
    `恢复完成 restored: ${file} into ${where} — ${summary.tables} tables, ${summary.rows.toLocaleString('en')} rows ` +
      `(backup of ${summary.header.createdAt} from ${summary.header.engine}), in ${seconds(summary.ms)}`,
  );
}

async function withDatabase<T>(database: Database, work: (d: Database) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
