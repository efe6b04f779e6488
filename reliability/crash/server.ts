/**
 * The real server in a child process (`node --import tsx apps/server/src/server.ts`, as
 * `npm run serve` starts it), on the database a test names, so a test can SIGKILL it and start
 * it again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** milliseconds from spawning the process to its first healthy answer */
  startMs: number;
  /** what it printed */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a power cut of the process */
  kill(): Promise<void>;
  /** SIGTERM: the server's clean shutdown */
  stop(): Promise<void>;
}

/**
 * Starts the server with these variables on a port (a free one unless given) and waits until it
 * answers. nodeArgs go before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startServer(env: Record<string, string>, port?: number, nodeArgs: string[] = []): Promise<RunningServer> {
  const p = port ?? (await freePort());
  const started = Date.now();
  let log = '';
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(p),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      LOGIN_RATE_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 120_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 120 s:\n${log}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const startMs = Date.now() - started;
  const signal = async (s: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(s);
    await exited;
  };
  return { baseUrl, child, startMs, output: () => log, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
