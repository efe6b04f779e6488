/** The data folder's lock: one live owner at a time, stale locks (killed process, earlier boot) taken over. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, dataDirOwner, lockDataDir } from './pglite-lock';

const root = mkdtempSync(join(tmpdir(), 'fupin-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const boot = Math.round((Date.now() - uptime() * 1000) / 60_000);
let n = 0;
const folder = () => join(root, `db${n++}`);

describe('PGlite data folder lock', () => {
  it('creates the folder, names this process, and is gone once released', () => {
    const dir = folder();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'fupin.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
    expect(dataDirOwner(dir)).toBe(process.pid);
    release();
    expect(existsSync(join(dir, 'fupin.lock'))).toBe(false);
    expect(dataDirOwner(dir)).toBeNull();
  });

  it('refuses a second opening while held, in this process or another', () => {
    const dir = folder();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    release();
    // The parent of this test runner is alive and is not us.
    writeFileSync(join(dir, 'fupin.lock'), `${process.ppid} ${boot}\n`);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
  });

  it.each([
    ['a process that no longer exists (SIGKILL)', () => `999999 ${boot}\n`],
    ['our own pid, not held by us (a restarted container)', () => `${process.pid} ${boot}\n`],
    ['an earlier boot of the machine', () => `${process.ppid} ${boot - 600}\n`],
    ['an unreadable file', () => 'garbage'],
  ])('takes over a stale lock left by %s', (_label, content) => {
    const dir = folder();
    lockDataDir(dir)();
    writeFileSync(join(dir, 'fupin.lock'), content());
    expect(dataDirOwner(dir)).toBeNull();
    const release = lockDataDir(dir);
    expect(dataDirOwner(dir)).toBe(process.pid);
    release();
  });
});
