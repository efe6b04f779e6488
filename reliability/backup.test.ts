/**
 * Backup and restore with the operator's commands (`fupin backup`, `fupin restore`) against the
 * real server while it takes visits:
 *   - a backup taken while three cadres keep submitting is ONE snapshot: restored into a database
 *     with no schema at all, every visit in it has its audit record and its problem and nothing
 *     in it lacks its visit, and it holds every visit acknowledged before the backup began;
 *   - a backup taken when the writes stop restores to a database identical to the source, table
 *     by table (row count and md5 of the rows ordered by primary key), evidence photo included;
 *   - a restore into a database that is not empty is refused and changes nothing;
 *   - on PGlite, with PostgreSQL at hand, the same file restores into PostgreSQL identically.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VisitFormInput } from '@fupin/domain';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../apps/server/src/db/client';
import { runCli } from './crash/cli';
import { type Cadre, cadreOf, visitForms } from './crash/http';
import { type RunningServer, startServer } from './crash/server';
import { type Digest, digestDifferences, emptyTarget, engine, rawQuery, type Target, tableDigests } from './crash/target';

const WRITERS = ['cadre001', 'cadre002', 'cadre003'];
const name = (e: string) => (e === 'pg' ? 'PostgreSQL' : 'PGlite');
const mb = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(2)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A JPEG as far as the server's sniffing goes, of random (incompressible) bytes like a real photo. */
function photo(bytes: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 6), Buffer.from([0xff, 0xd9])]);
}

/** What a snapshot must keep together: visits with their audit records and problems. */
async function snapshotFacts(database: Database) {
  return rawQuery(database, async (query) => {
    const [r] = await query<Record<string, number>>(
      `SELECT
        (SELECT count(*)::int FROM visits) AS visits,
        (SELECT count(*)::int FROM visits v WHERE NOT EXISTS (SELECT 1 FROM audit_log a
           WHERE a.entity_type = 'visit' AND a.action = 'submit' AND a.entity_id = v.id::text)) AS visits_without_audit,
        (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'visit' AND a.action = 'submit'
           AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id::text = a.entity_id)) AS audit_without_visit,
        (SELECT count(*)::int FROM problems p WHERE p.visit_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = p.visit_id)) AS problems_without_visit,
        (SELECT count(*)::int FROM visits v WHERE (v.form->'guarantees'->'water'->>'secured')::boolean = false
           AND NOT EXISTS (SELECT 1 FROM problems p WHERE p.visit_id = v.id)) AS visits_without_problem,
        (SELECT count(*)::int FROM problems p WHERE NOT EXISTS (SELECT 1 FROM problem_events e
           WHERE e.problem_id = p.id AND e.action = 'create')) AS problems_without_event`,
    );
    const ids = await query<{ id: string }>('SELECT id::text FROM visits');
    return { counts: r as Record<string, number>, ids: new Set(ids.map((x) => x.id)) };
  });
}

async function digestsOf(target: Target): Promise<Map<string, Digest>> {
  const database = await target.open();
  try {
    return await tableDigests(database);
  } finally {
    await database.close();
  }
}

describe(`backup and restore (${engine})`, () => {
  const targets: Target[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fupin-backups-'));
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.kill();
    for (const t of targets) await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const target = async (kind: 'pglite' | 'pg', migrated: boolean) => {
    const t = await emptyTarget(kind, { migrated });
    targets.push(t);
    return t;
  };

  it('takes a consistent backup under writes and restores it identically into an empty database', async () => {
    const source = await target(engine, true);
    const files = { underLoad: join(dir, 'under-load.backup'), quiet: join(dir, 'quiet.backup') };
    server = await startServer({ ...source.env, DEMO_HOUSEHOLDS: '150' });
    const cadres: Cadre[] = [];
    for (const u of WRITERS) cadres.push(await cadreOf(server.baseUrl, u));

    // Data beyond the seed: visits (one finds a problem), an evidence photo on that problem.
    const [first] = visitForms(cadres[0] as Cadre, 5, 1);
    const sent = await cadres[0]?.session.post('/api/visits', first);
    expect(sent?.status, JSON.stringify(sent?.body)).toBe(200);
    const problems = await cadres[0]?.session.get<{ items: { id: string }[] }>('/api/problems?limit=5');
    const problemId = problems?.body.items[0]?.id;
    expect(problemId).toBeTruthy();
    const image = photo(300_000);
    const up = await cadres[0]?.session.upload(`/api/problems/${problemId}/evidence`, 'photo.jpg', image, 'image/jpeg');
    expect(up?.status, JSON.stringify(up?.body)).toBe(200);

    // 1. Three cadres keep submitting while the operator takes a backup.
    const acked = new Map<string, { sentAt: number; ackedAt: number }>();
    let stop = false;
    const writers = cadres.map(async (c) => {
      while (!stop) {
        for (const form of visitForms(c, 10, 3) as VisitFormInput[]) {
          if (stop) return;
          const sentAt = Date.now();
          const res = await c.session.post('/api/visits', form);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          acked.set(form.id, { sentAt, ackedAt: Date.now() });
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const backupStarted = Date.now();
    const underLoad = await runCli(['backup', files.underLoad], source.env);
    const backupEnded = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(writers);
    expect(underLoad.code, underLoad.out).toBe(0);
    expect(underLoad.out).toContain('1 evidence file,');

    // 2. Quiet: nothing is written any more; a second backup, then the source's own digests.
    const quiet = await runCli(['backup', files.quiet], source.env);
    expect(quiet.code, quiet.out).toBe(0);
    await server.stop();
    server = null;
    const sourceDigests = await digestsOf(source);

    // 3. The backup taken under writes, into a database with no schema at all.
    const a = await target(engine, false);
    const restoreA = await runCli(['restore', files.underLoad], a.env);
    expect(restoreA.code, restoreA.out).toBe(0);
    const aDb = await a.open();
    const facts = await snapshotFacts(aDb);
    await aDb.close();
    const ackedBefore = [...acked].filter(([, t]) => t.ackedAt < backupStarted).map(([id]) => id);
    const sentAfter = [...acked].filter(([, t]) => t.sentAt > backupEnded).map(([id]) => id);
    const ours = [...acked.keys()].filter((id) => facts.ids.has(id)).length;
    expect(facts.counts).toMatchObject({
      visits_without_audit: 0,
      audit_without_visit: 0,
      problems_without_visit: 0,
      visits_without_problem: 0,
      problems_without_event: 0,
    });
    expect(ackedBefore.filter((id) => !facts.ids.has(id))).toEqual([]);
    expect(sentAfter.filter((id) => facts.ids.has(id))).toEqual([]);

    // 4. The quiet backup into an empty (migrated) database: identical to the source.
    const b = await target(engine, true);
    const restoreB = await runCli(['restore', files.quiet], b.env);
    expect(restoreB.code, restoreB.out).toBe(0);
    const bDigests = await digestsOf(b);
    expect(digestDifferences(sourceDigests, bDigests)).toEqual([]);
    const bDb = await b.open();
    const [evidence] = await rawQuery(bDb, (q) =>
      q<{ md5: string; size: number }>('SELECT md5(data) AS md5, size FROM problem_evidence'),
    );
    await bDb.close();
    expect(evidence).toEqual({ md5: createHash('md5').update(image).digest('hex'), size: image.length });

    // 5. Into a database that is no longer empty: refused, nothing changed.
    const again = await runCli(['restore', files.quiet], b.env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('not empty');
    expect(digestDifferences(bDigests, await digestsOf(b))).toEqual([]);

    // 6. Across engines: the PGlite backup into PostgreSQL.
    let cross = '';
    if (engine === 'pglite' && process.env.TEST_DATABASE_URL) {
      const c = await target('pg', false);
      const restoreC = await runCli(['restore', files.quiet], c.env);
      expect(restoreC.code, restoreC.out).toBe(0);
      expect(digestDifferences(sourceDigests, await digestsOf(c))).toEqual([]);
      cross = `  PGlite backup → PostgreSQL    identical, restore ${s(restoreC.ms)}`;
    }

    const rows = [...sourceDigests.values()].reduce((n, d) => n + d.rows, 0);
    console.log(
      [
        `\nBackup and restore on ${name(engine)} (${sourceDigests.size} tables, ${rows.toLocaleString('en')} rows, one 300 kB evidence photo)`,
        `  under writes: ${mb(files.underLoad)}, backup ${s(underLoad.ms)} (CLI process included); ${acked.size} visits acknowledged during the run`,
        `    restored into a database with no schema in ${s(restoreA.ms)}: ${ours} of them, ≥ ${ackedBefore.length} acknowledged before it began, none sent after it ended; visits, audit records and problems all paired`,
        `  quiet: ${mb(files.quiet)}, backup ${s(quiet.ms)}; restore ${s(restoreB.ms)}; every table identical (rows + md5 by primary key), evidence photo byte for byte`,
        '  restore into a database that is not empty: refused, nothing changed',
        cross,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }, 240_000);
});
