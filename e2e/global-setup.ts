/**
 * Starts the real server (`apps/server/src/server.ts`, as `npm start` does after building) on
 * a free port with a fresh embedded database and a small demo township, for the browser
 * journeys. Without Chromium nothing starts and the journeys report that they were skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyGuidePictures } from './guide-pictures';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
    /** a file of milliseconds the server adds to its clock (see `moveServerClock`) */
    clockFile: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer within 90 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    project.provide('chromium', '');
    project.provide('baseUrl', '');
    project.provide('clockFile', '');
    return;
  }
  // WEB_DIST (passed on to the server) lets parallel work test its own build.
  const dist = process.env.WEB_DIST || join(ROOT, 'apps/web/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} is missing: \`npm test\` builds it first; run \`npm run build\``);
  }
  const started = Date.now();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fupin-e2e-'));
  const clockFile = join(dataDir, 'clock-offset');
  writeFileSync(clockFile, '0');
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      DATA_DIR: join(dataDir, 'db'),
      DEMO_HOUSEHOLDS: '600',
      LOG_LEVEL: 'warn',
      CLOCK_OFFSET_FILE: clockFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => log);
  project.provide('chromium', CHROMIUM);
  project.provide('baseUrl', baseUrl);
  project.provide('clockFile', clockFile);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    // The user guide's pictures follow the app: this run's screenshots replace the old copies.
    copyGuidePictures(started);
  };
}
