/**
 * The read replica (issue 10): a primary PostgreSQL cluster of this test's own and a streaming
 * replica of it made with `pg_basebackup -R`, each on a free port, the app built against both.
 * Report reads go to the replica, writes to the primary; with the replica's replay paused, the
 * person who just wrote sees it in their dashboard (served by the primary) while another person's
 * dashboard is served by the replica without it; once replay resumes both see it.
 *
 * Runs in the server-pg project only, and needs PostgreSQL 15's server binaries; both clusters
 * are stopped and removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { type Database, migrateDatabase, openPostgres, withReplica } from '../src/db/client';
import { readRouting } from '../src/db/read-routing';
import { FixedClock } from '../src/lib/clock';
import { as, type CountyFixture, loginAs, seedCounty } from './fixtures';
import { dbKind } from './harness';

const BIN = '/usr/lib/postgresql/15/bin';
const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup'] as const;

const OTHER_PROJECT = 'runs in the server-pg project';
function skipReason(): string | null {
  if (!process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set (the read replica test needs PostgreSQL)';
  const missing = TOOLS.filter((t) => !existsSync(join(BIN, t)));
  if (missing.length) return `PostgreSQL binaries missing: ${missing.map((t) => join(BIN, t)).join(', ')}`;
  if (dbKind !== 'pg') return OTHER_PROJECT;
  return null;
}
const reason = skipReason();
// Said aloud when the replica is not tested anywhere in this run; quiet when server-pg runs it.
if (reason && reason !== OTHER_PROJECT) console.info(`replica.test.ts skipped: ${reason}`);

/** A port nobody listens on now (asked of the kernel, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool as the postgres OS user (the server refuses to run as root). */
function asPostgres(tool: (typeof TOOLS)[number], args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args], { stdio: 'pipe', timeout: 60_000 });
}

/** Polls until the check passes (or fails after `ms`). */
async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(reason !== null)('a streaming read replica for reports', () => {
  let dir = '';
  const clusters: string[] = [];
  let primaryUrl = '';
  let replicaUrl = '';
  let database: Database;
  let app: FastifyInstance;
  let county: CountyFixture;
  let admin: ReturnType<typeof as>;
  let discipline: ReturnType<typeof as>;
  const sql = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const problemsOnDashboard = async (who: ReturnType<typeof as>) => {
    const res = await who.get(`/api/dashboard?unitId=${county.townships[0]?.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().problems.totals.total as number;
  };
  const caughtUp = async () => {
    const [p] = await sql(primaryUrl, 'select pg_current_wal_insert_lsn() as lsn');
    const [r] = await sql(replicaUrl, `select pg_last_wal_replay_lsn() >= '${p.lsn}'::pg_lsn as ok`);
    return r.ok === true;
  };

  beforeAll(async () => {
    dir = mkdtempSync('/tmp/fupin-replica-');
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    const primary = join(dir, 'primary');
    const replica = join(dir, 'replica');

    asPostgres('initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    appendFileSync(
      join(primary, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        // a test cluster: losing it on a crash costs nothing, and it starts and writes faster
        'fsync = off',
        'synchronous_commit = off',
        '',
      ].join('\n'),
    );
    appendFileSync(join(primary, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    asPostgres('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    clusters.push(primary);

    asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    appendFileSync(join(replica, 'postgresql.conf'), `port = ${replicaPort}\n`);
    asPostgres('pg_ctl', ['-D', replica, '-l', join(dir, 'replica.log'), '-w', 'start']);
    clusters.push(replica);

    await sql(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, 'create database fupin');
    primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/fupin`;
    replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/fupin`;
    const opened = await openPostgres(primaryUrl, 5);
    await migrateDatabase(opened);
    database = await withReplica(opened, replicaUrl, 5);
    app = await buildApp({
      config: testConfig({ DATABASE_URL: primaryUrl, DATABASE_READ_URL: replicaUrl }),
      database,
      clock: new FixedClock('2020-03-10T01:00:00Z'),
    });
    await app.ready();
    county = await seedCounty(database);
    await until('the replica to replay the seed', caughtUp, 30_000);
    admin = as(app, await loginAs(app, 't1.admin'));
    discipline = as(app, await loginAs(app, 't1.discipline'));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    // Only the clusters this test started, newest first; then their folder.
    for (const cluster of clusters.reverse()) {
      try {
        asPostgres('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop']);
      } catch (error) {
        console.warn(`could not stop ${cluster}: ${error}`);
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads reports on the replica and writes on the primary', async () => {
    const routing = readRouting(database);
    const before = { ...routing.served };
    const total = await problemsOnDashboard(discipline);
    expect(routing.served.replica).toBe(before.replica + 1);
    expect(routing.served.primary).toBe(before.primary);
    // The report's connections are the read pool's, on the server that is in recovery.
    const [seen] = await sql(
      replicaUrl,
      "select pg_is_in_recovery() as standby, count(*)::int as n from pg_stat_activity where application_name = 'fupin-read'",
    );
    expect(seen).toEqual({ standby: true, n: expect.any(Number) });
    expect(seen.n).toBeGreaterThan(0);
    const [onPrimary] = await sql(
      primaryUrl,
      "select count(*)::int as n from pg_stat_activity where application_name = 'fupin-read'",
    );
    expect(onPrimary.n).toBe(0);
    // A write lands on the primary (the replica would refuse it: it is read-only).
    const id = randomUUID();
    const created = await admin.post('/api/problems', {
      id,
      unitId: county.townships[0]?.id,
      category: 'housing',
      description: '写入主库的问题',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(await sql(primaryUrl, `select id from problems where id = '${id}'`)).toHaveLength(1);
    await until('the replica to replay the write', caughtUp);
    await until('the other reader to see it', async () => (await problemsOnDashboard(discipline)) === total + 1);
  });

  it('with replay paused, the writer sees their own write from the primary and others see the replica without it', async () => {
    const routing = readRouting(database);
    await until('the replica to catch up', caughtUp);
    const total = await problemsOnDashboard(discipline);
    await sql(replicaUrl, 'select pg_wal_replay_pause()');
    await until('replay to pause', async () => {
      const [r] = await sql(replicaUrl, 'select pg_get_wal_replay_pause_state() as state');
      return r.state === 'paused';
    });
    const id = randomUUID();
    const created = await admin.post('/api/problems', {
      id,
      unitId: county.townships[0]?.id,
      category: 'income',
      description: '暂停回放时登记的问题',
    });
    expect(created.statusCode, created.body).toBe(200);
    // Past the cache of the replay position, so the routing has surely seen the pause.
    await new Promise((r) => setTimeout(r, 150));

    let served = { ...routing.served };
    expect(await problemsOnDashboard(admin)).toBe(total + 1);
    expect(routing.served.primary).toBe(served.primary + 1);
    served = { ...routing.served };
    expect(await problemsOnDashboard(discipline)).toBe(total);
    expect(routing.served.replica).toBe(served.replica + 1);
    // The other reader's report (the accountability view, the problem ledger export) comes from the replica too.
    expect(await sql(replicaUrl, `select id from problems where id = '${id}'`)).toHaveLength(0);

    await sql(replicaUrl, 'select pg_wal_replay_resume()');
    await until('the replica to replay the write', caughtUp);
    await new Promise((r) => setTimeout(r, 150));
    served = { ...routing.served };
    expect(await problemsOnDashboard(discipline)).toBe(total + 1);
    expect(await problemsOnDashboard(admin)).toBe(total + 1);
    // Caught up, the writer is back on the replica.
    expect(routing.served.replica).toBe(served.replica + 2);
  });

  it('serves other report routes through the same routing', async () => {
    const routing = readRouting(database);
    const township = county.townships[0]?.id;
    const served = routing.served.replica + routing.served.primary;
    for (const url of [
      `/api/accountability?unitId=${township}`,
      `/api/problems/ledger.xlsx?townshipId=${township}`,
      `/api/problems/matrix?townshipId=${township}`,
      `/api/registry/export.xlsx?townshipId=${township}`,
    ]) {
      const res = await discipline.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    expect(routing.served.replica + routing.served.primary).toBe(served + 4);
  });

  it('when the replica stops, reports are served by the primary', async () => {
    const routing = readRouting(database);
    const total = await problemsOnDashboard(discipline);
    const replica = clusters.pop() as string;
    asPostgres('pg_ctl', ['-D', replica, '-m', 'fast', '-w', 'stop']);
    await new Promise((r) => setTimeout(r, 150));
    const served = { ...routing.served };
    expect(await problemsOnDashboard(discipline)).toBe(total);
    expect(routing.served.primary).toBe(served.primary + 1);
  });
});
