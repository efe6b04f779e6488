/** Helpers shared by the benchmarks: child processes that report their own figures, and tables. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a TypeScript worker in its own process (so its peak memory is its own) and returns the JSON it prints last. */
export function runWorker<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return fail(new Error(`${script} exited ${code}: ${out}`));
      try {
        ok(JSON.parse(last) as T);
      } catch {
        fail(new Error(`${script} printed no result: ${out}`));
      }
    });
  });
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/**
 * CPU time (user + system, ms) a process on this machine has used so far, from /proc; null when it
 * is gone. On a shared machine a run's CPU says what its wall time cannot.
 */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 10 ms.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
