/**
 * Crash without loss. The real server takes a stream of visit forms from several cadres at once
 * and is SIGKILLed in the middle (no shutdown code runs; PGlite must recover from its WAL like
 * PostgreSQL does). It is started again on the same data; the phones send again everything that
 * got no answer, and some forms that did (a phone cannot always know). Then every acknowledged
 * form must be stored exactly once: one visit, one audit record, one problem where it found one.
 */
import type { VisitFormInput } from '@fupin/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cadre, cadreOf, visitForms } from './crash/http';
import { type RunningServer, startServer } from './crash/server';
import { emptyTarget, engine, rawQuery, type Target } from './crash/target';

const CADRES = ['cadre001', 'cadre002', 'cadre003', 'cadre004'];
const FORMS_PER_CADRE = 40;
/** the kill comes once this many forms are acknowledged, with the other clients' requests in flight */
const KILL_AFTER = 50;

type Outcome = 'unsent' | 'acked' | 'failed';
interface Tracked {
  form: VisitFormInput;
  outcome: Outcome;
  /** the answer to the retry: true when the form had been stored before the kill after all */
  duplicate?: boolean;
}

describe(`crash without loss (${engine})`, () => {
  let target: Target;
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.kill();
    await target?.drop();
  });

  it('keeps every acknowledged visit exactly once across a SIGKILL and a restart', async () => {
    target = await emptyTarget(engine, { migrated: true });
    const env = { ...target.env, DEMO_HOUSEHOLDS: '120' };
    server = await startServer(env);
    const firstStartMs = server.startMs;
    const port = Number(new URL(server.baseUrl).port);
    const cadres: Cadre[] = [];
    for (const name of CADRES) cadres.push(await cadreOf(server.baseUrl, name));
    const streams = cadres.map((c) => ({
      cadre: c,
      forms: visitForms(c, FORMS_PER_CADRE).map((form): Tracked => ({ form, outcome: 'unsent' })),
    }));

    // 1. Every cadre sends its forms one after another; the server dies midway.
    let acked = 0;
    const running = server;
    const kill = running.kill.bind(running);
    let killed: Promise<void> | null = null;
    await Promise.all(
      streams.map(async ({ cadre, forms }) => {
        for (const t of forms) {
          if (killed) return;
          try {
            const res = await cadre.session.post<{ duplicate: boolean }>('/api/visits', t.form);
            if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
            t.outcome = 'acked';
            if (++acked === KILL_AFTER) killed = kill();
          } catch (error) {
            // No answer: the phone keeps the form in its queue.
            t.outcome = 'failed';
            if (!killed) throw error;
            return;
          }
        }
      }),
    );
    await killed;
    const all = streams.flatMap((s) => s.forms);
    const ackedBeforeKill = all.filter((t) => t.outcome === 'acked').length;
    const inFlight = all.filter((t) => t.outcome === 'failed').length;
    const sentBeforeKill = ackedBeforeKill + inFlight;
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(all.some((t) => t.outcome === 'unsent')).toBe(true);

    // 2. The same data, the same port; sessions are rows and survive.
    server = await startServer(env, port);
    const restartMs = server.startMs;
    for (const c of cadres) {
      c.session.baseUrl = server.baseUrl;
      expect((await c.session.get('/api/me')).status).toBe(200);
    }

    // 3. Each phone sends again what got no answer, one in four of what did, and the rest.
    let resentAcked = 0;
    await Promise.all(
      streams.map(async ({ cadre, forms }) => {
        const again = forms.filter((t, i) => t.outcome === 'failed' || (t.outcome === 'acked' && i % 4 === 0));
        for (const t of [...again, ...forms.filter((f) => f.outcome === 'unsent')]) {
          const res = await cadre.session.post<{ duplicate: boolean; visitId: string }>('/api/visits', t.form);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.visitId).toBe(t.form.id);
          if (t.outcome === 'acked') {
            expect(res.body.duplicate).toBe(true);
            resentAcked++;
          }
          if (t.outcome === 'failed') t.duplicate = res.body.duplicate;
          if (t.outcome === 'unsent') expect(res.body.duplicate).toBe(false);
          t.outcome = 'acked';
        }
      }),
    );
    await server.stop();
    server = null;

    // 4. What the database holds, read directly.
    const ids = all.map((t) => `'${t.form.id}'`).join(',');
    const database = await target.open();
    const counts = await rawQuery(database, async (query) => ({
      visits: await query<{ id: string; n: number }>(
        `SELECT id::text, count(*)::int AS n FROM visits WHERE id IN (${ids}) GROUP BY id`,
      ),
      audit: await query<{ id: string; n: number }>(
        `SELECT entity_id::text AS id, count(*)::int AS n FROM audit_log
         WHERE entity_type = 'visit' AND action = 'submit' AND entity_id IN (${ids}) GROUP BY entity_id`,
      ),
      problems: await query<{ id: string; n: number }>(
        `SELECT visit_id::text AS id, count(*)::int AS n FROM problems WHERE visit_id IN (${ids}) GROUP BY visit_id`,
      ),
    }));
    await database.close();
    const visitCount = new Map(counts.visits.map((r) => [r.id, Number(r.n)]));
    const auditCount = new Map(counts.audit.map((r) => [r.id, Number(r.n)]));
    const problemCount = new Map(counts.problems.map((r) => [r.id, Number(r.n)]));
    const withProblem = new Set(all.filter((t) => !t.form.guarantees.water.secured).map((t) => t.form.id));
    const present = all.filter((t) => visitCount.get(t.form.id) === 1).length;
    const lost = all.filter((t) => !visitCount.has(t.form.id)).length;
    const duplicates =
      [...visitCount.values()].filter((n) => n > 1).length +
      [...auditCount.values()].filter((n) => n > 1).length +
      [...problemCount.values()].filter((n) => n > 1).length;
    const unaudited = all.filter((t) => auditCount.get(t.form.id) !== 1).length;
    const problemsWrong = all.filter((t) => (problemCount.get(t.form.id) ?? 0) !== (withProblem.has(t.form.id) ? 1 : 0)).length;
    const committedUnanswered = all.filter((t) => t.duplicate === true).length;

    console.log(
      [
        `\nCrash without loss on ${engine === 'pg' ? 'PostgreSQL' : 'PGlite'} (${CADRES.length} concurrent clients, ${all.length} visit forms)`,
        `  sent before the kill          ${sentBeforeKill}`,
        `  acknowledged before the kill  ${ackedBeforeKill}`,
        `  in flight at the kill         ${inFlight} (of which already committed: ${committedUnanswered})`,
        `  retried after restart         ${inFlight + resentAcked} (${inFlight} unanswered + ${resentAcked} acknowledged, all answered "duplicate")`,
        `  sent after restart, new       ${all.length - sentBeforeKill}`,
        `  present exactly once          ${present} of ${all.length}`,
        `  duplicates                    ${duplicates}`,
        `  lost                          ${lost}`,
        `  first start (migrate + seed)  ${(firstStartMs / 1000).toFixed(1)} s`,
        `  restart after SIGKILL         ${(restartMs / 1000).toFixed(1)} s (spawn to first healthy answer)`,
      ].join('\n'),
    );
    expect({ present, lost, duplicates, unaudited, problemsWrong }).toEqual({
      present: all.length,
      lost: 0,
      duplicates: 0,
      unaudited: 0,
      problemsWrong: 0,
    });
  }, 180_000);
});
