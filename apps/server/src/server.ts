/**
 * Starts Fupin: opens and migrates the database, seeds the demo township on an empty database,
 * listens, and closes cleanly on SIGINT or SIGTERM.
 */
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo/seed-demo';
import { type Clock, fileOffsetClock, systemClock } from './lib/clock';
import { runCommand, SYSTEM_ACTOR } from './lib/command';
import { expireStaleImports, STAGED_ROWS_KEPT_DAYS } from './modules/imports/commands/expire-stale-imports';
import { runDeadlineReminders } from './modules/notifications/reminders';
import { runOverdueCheck } from './modules/problems/overdue';
import { startControlSocket } from './ops/control';
import { refreshStatistics } from './ops/refresh-statistics';

const config = loadConfig();
if (config.CLOCK_OFFSET_FILE && process.env.NODE_ENV === 'production') {
  console.error('CLOCK_OFFSET_FILE moves the clock for tests and is refused in production');
  process.exit(1);
}
const clock: Clock = config.CLOCK_OFFSET_FILE ? fileOffsetClock(config.CLOCK_OFFSET_FILE) : systemClock;
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, readUrl: config.DATABASE_READ_URL });
const app = await buildApp({ config, database, clock });

if (config.SEED_DEMO) {
  const seeded = await seedDemoIfEmpty(database, clock, { households: config.DEMO_HOUSEHOLDS });
  if (seeded) app.log.info(`demo township seeded: ${seeded.households} households, ${seeded.members} members`);
  if (seeded) printLogins(seeded.logins);
  else
    console.log(
      `\n演示账号 Demo logins: admin, leader, edu, v01, cadre001, judge1, discipline, reviewer, countyadmin — password ${DEMO_PASSWORD} (see README)`,
    );
}

// Deadlines pass at midnight in Shanghai; an hourly check marks and escalates within the hour.
async function checkOverdue() {
  try {
    const r = await runOverdueCheck(database, clock);
    if (r.escalated + r.markedProblems + r.markedOrders > 0) app.log.info(r, 'overdue check');
  } catch (error) {
    app.log.error({ err: error }, 'overdue check failed');
  }
}
// Deadline reminders are once per person and deadline, so the hourly run only adds what a new day brings.
async function remindDeadlines() {
  try {
    const r = await runDeadlineReminders(database, clock);
    if (r.written > 0) app.log.info(r, 'deadline reminders');
  } catch (error) {
    app.log.error({ err: error }, 'deadline reminders failed');
  }
}
await checkOverdue();
await remindDeadlines();
const overdueTimer = setInterval(() => void checkOverdue().then(remindDeadlines), 60 * 60 * 1000);
overdueTimer.unref();

// Planner statistics: PGlite has no autovacuum, and nothing analyses a partitioned parent (ops/refresh-statistics.ts).
async function refreshPlannerStatistics() {
  try {
    await refreshStatistics(database);
  } catch (error) {
    app.log.error({ err: error }, 'statistics refresh failed');
  }
}
// Imports left unfinished give up their staged rows (modules/imports/commands/expire-stale-imports.ts).
async function expireImports() {
  try {
    const olderThan = new Date(clock.now().getTime() - STAGED_ROWS_KEPT_DAYS * 24 * 60 * 60 * 1000);
    const r = await runCommand(database, clock, SYSTEM_ACTOR, expireStaleImports, { olderThan });
    if (r.expired > 0) app.log.info(r, 'unfinished imports expired');
  } catch (error) {
    app.log.error({ err: error }, 'expiring unfinished imports failed');
  }
}
const dailyTimer = setInterval(() => void refreshPlannerStatistics().then(expireImports), 24 * 60 * 60 * 1000);
dailyTimer.unref();

await app.listen({ port: config.PORT, host: config.HOST });
// After listening, not before: a province's ANALYZE takes the better part of a minute, and the
// first expiry after an upgrade may delete many staged rows.
void refreshPlannerStatistics().then(expireImports);
// On PGlite this process alone may open the data folder: `fupin backup` asks it through this socket.
const control =
  database.kind === 'pglite'
    ? await startControlSocket(database, config.DATA_DIR, (error) => app.log.error({ err: error }, 'backup failed'))
    : null;
const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
console.log(`\nFupin 扶贫 is serving http://localhost:${config.PORT}  (database: ${where})\n`);

function printLogins(logins: { role: string; username: string; password: string; note: string }[]) {
  const lines = logins.map((l) => `  ${l.username.padEnd(18)} ${l.password.padEnd(14)} ${l.role}  ${l.note}`);
  console.log(`\n演示账号 Demo logins (all share one password):\n${lines.join('\n')}\n`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    clearInterval(overdueTimer);
    clearInterval(dailyTimer);
    await control?.close();
    await app.close();
    await database.close();
    process.exit(0);
  });
}
