/**
 * `npm run fupin -- <command>`: maintenance from the command line, on the database the
 * environment names (DATABASE_URL, or PGlite in DATA_DIR).
 *
 *   migrate                      apply pending migrations
 *   seed-demo                    seed the demo township if the database is empty
 *   seed-county [--townships 15] [--households 50000] [--villages 12] [--password fupin2026] [--seed 1]
 *                                add a synthetic county for benchmarks (fictional names and codes)
 *   backup <file>                write a consistent backup (evidence included) while the server runs
 *   restore <file>               load a backup into an empty database
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { seedCounty } from './demo/seed-county';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo/seed-demo';
import { systemClock } from './lib/clock';
import { runBackupCommand } from './ops/cli-backup';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    townships: { type: 'string', default: '15' },
    households: { type: 'string', default: '50000' },
    villages: { type: 'string', default: '12' },
    password: { type: 'string', default: DEMO_PASSWORD },
    seed: { type: 'string', default: '1' },
  },
});

const config = loadConfig();
const command = positionals[0];
const started = Date.now();
// Backup and restore open the database their own way (ops/cli-backup.ts): a backup must not
// migrate what it copies, and a restore chooses the schema of the backup.
if (command === 'backup' || command === 'restore') {
  process.exitCode = await runBackupCommand(command, positionals[1], config);
  process.exit();
}
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  switch (command) {
    case 'migrate':
      console.log('migrations applied');
      break;
    case 'seed-demo': {
      const summary = await seedDemoIfEmpty(database, systemClock, { households: config.DEMO_HOUSEHOLDS });
      console.log(
        summary
          ? `demo seeded: ${summary.households} households, ${summary.members} members`
          : 'database not empty: nothing seeded',
      );
      break;
    }
    case 'seed-county': {
      const summary = await seedCounty(database, systemClock, {
        townships: Number(values.townships),
        households: Number(values.households),
        villagesPerTownship: Number(values.villages),
        password: values.password,
        seed: Number(values.seed),
        onTownship: (i, h, m) => console.log(`  township ${i + 1}: ${h} households, ${m} members`),
      });
      console.log(
        `county ${summary.countyCode}: ${summary.townships} townships, ${summary.households} households, ${summary.members} members, ${summary.users} accounts (password ${values.password}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      break;
    }
    default:
      console.error(
        'usage: fupin migrate | seed-demo | seed-county [--townships N] [--households N] [--villages N] [--password P] [--seed N] | backup <file> | restore <file>',
      );
      process.exitCode = 2;
  }
} finally {
  await database.close();
}
