/** `npm run fupin -- <command>` as an operator types it, in its own process. */
import { spawn } from 'node:child_process';
import { ROOT } from './server';

export interface CliRun {
  code: number | null;
  out: string;
  ms: number;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const started = Date.now();
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => ok({ code, out: out.trim(), ms: Date.now() - started }));
  });
}
