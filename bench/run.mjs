// `npm run bench -- import rules` runs the benchmarks named, `npm run bench` all of them, in order.
import { spawnSync } from 'node:child_process';

const ALL = ['import', 'rules', 'recompute', 'load', 'dashboards', 'province'];
const names = process.argv.slice(2);
for (const name of names.length ? names : ALL) {
  if (!ALL.includes(name)) {
    console.error(`unknown benchmark "${name}": one of ${ALL.join(', ')}`);
    process.exit(2);
  }
  const run = spawnSync('npm', ['run', name], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
