/**
 * One process at a time on a PGlite data folder. PGlite is PostgreSQL in single-user mode inside
 * this process: a second process opening the same folder (a CLI backup or restore while the
 * server runs) would write the same files without any coordination and corrupt them. A lock file
 * in the folder names the owner's process; a lock whose process is gone (killed, crashed, or from
 * before a reboot) is stale and taken over, so a SIGKILL never leaves the database unopenable.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'fupin.lock';
/** folders this process holds, so a stale lock carrying our own pid (a restarted container) is told apart */
const held = new Set<string>();

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录正被进程 ${pid} 使用（服务器正在运行？）/ the data folder ${dataDir} is in use by process ${pid} (is the server running?). ` +
        `If no such process runs, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

/** When this machine booted, to the nearest minute: a lock from an earlier boot is stale whatever its pid. */
function bootMinute(): number {
  return Math.round((Date.now() - uptime() * 1000) / 60_000);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the folder, or null when none does. */
export function dataDirOwner(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(resolve(dataDir), LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const [pid, boot] = text.trim().split(' ').map(Number);
  if (!pid || Math.abs((boot ?? 0) - bootMinute()) > 1) return null;
  if (pid === process.pid) return held.has(resolve(dataDir)) ? pid : null;
  return alive(pid) ? pid : null;
}

/** Takes the folder for this process (creating it); returns the release. Throws DataDirBusyError when another process has it. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const owner = dataDirOwner(dir);
  if (owner !== null) throw new DataDirBusyError(dir, owner);
  rmSync(file, { force: true });
  // 'wx' fails if another process took the stale lock between our check and now.
  writeFileSync(file, `${process.pid} ${bootMinute()}\n`, { flag: 'wx' });
  held.add(dir);
  return () => {
    held.delete(dir);
    try {
      if (readFileSync(file, 'utf8').startsWith(`${process.pid} `)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
