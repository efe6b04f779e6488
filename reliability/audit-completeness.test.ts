/**
 * Audit completeness: every write route, called once successfully, leaves exactly one audit
 * record per entity it changed, and changes nothing without one. Each call is bracketed by a
 * row-by-row snapshot of every table (lib/audit-diff.ts), so a silent change, a missing record
 * or a doubled one fails, and so does a write route that no step of lib/scenario.ts calls.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../apps/server/test/fixtures';
import { changes, covers, snapshot } from './lib/audit-diff';
import { validCall } from './lib/calls';
import { printTable } from './lib/report';
import { type ApiRoute, writeRoutes } from './lib/routes';
import {
  ACCOUNT_STEPS,
  CAMPAIGN_STEPS,
  LEDGER_STEPS,
  REGISTRY_STEPS,
  RULE_STEPS,
  type State,
  type Step,
  scoreSteps,
} from './lib/scenario';
import { errorOf, sendRaw, toRaw } from './lib/send';
import { createWorld, type World } from './lib/world';

interface AuditRow {
  id: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  action: string;
}

describe('audit completeness', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w?.t.close());

  it('every write route leaves one audit record per changed entity, and no change without one', async () => {
    const a = w.areas.A;
    const routes = new Map(writeRoutes(w.app).map((r) => [r.key, r]));
    const state: State = {};
    const called = new Set<string>();
    const failures: string[] = [];
    const rows: string[][] = [];
    const auditRows = async () => {
      const res = (await w.t.database.db.execute(
        sql`select id::text, entity_type, entity_id, unit_id::text, action from audit_log`,
      )) as unknown as { rows: AuditRow[] };
      return res.rows;
    };

    async function run(step: Step): Promise<Record<string, unknown>> {
      const route = routes.get(step.key) as ApiRoute;
      if (!route) throw new Error(`no route ${step.key}`);
      await step.before?.(w, a, state);
      const cookie = step.as === null ? null : typeof step.as === 'string' ? await w.cookie(step.as) : await step.as(w);
      const req = (await step.req?.(w, a, state)) ?? (await validCall(step.key)(w, a));
      const before = await snapshot(w.t.database);
      const seen = new Set((await auditRows()).map((r) => r.id));
      const res = await sendRaw(w, cookie, toRaw(route, a, req));
      await w.app.jobs.idle();
      const fresh = (await auditRows()).filter((r) => !seen.has(r.id));
      const changed = changes(before, await snapshot(w.t.database));
      called.add(step.key);
      const problems: string[] = [];
      if (res.statusCode >= 300) problems.push(`answered ${res.statusCode} ${errorOf(res)?.message ?? res.body.slice(0, 200)}`);
      // One record per entity and move (a sample or nomination is its round's, told apart by village).
      const byEntity = new Map<string, number>();
      for (const r of fresh) {
        const k = `${r.entity_type}=${r.entity_id}@${r.unit_id} ${r.action}`;
        byEntity.set(k, (byEntity.get(k) ?? 0) + 1);
      }
      const counts: Record<string, number> = {};
      for (const r of fresh) counts[r.entity_type] = (counts[r.entity_type] ?? 0) + 1;
      for (const [k, n] of byEntity) if (n > 1) problems.push(`${n} records for ${k}`);
      if (JSON.stringify(sorted(counts)) !== JSON.stringify(sorted(step.expect)))
        problems.push(`records ${JSON.stringify(sorted(counts))}, expected ${JSON.stringify(sorted(step.expect))}`);
      // Every changed row belongs to an entity that has a record of this call.
      const records = fresh.map((r) => `${r.entity_type}=${r.entity_id}`);
      for (const c of changed)
        if (!c.entities.some((e) => records.some((r) => covers(r, e))))
          problems.push(`${c.kind} ${c.table} ${c.key} (${c.entities.join(' | ')}) without an audit record`);
      // And every record names an entity the call really changed.
      for (const r of records)
        if (!changed.some((c) => c.entities.some((e) => covers(r, e)))) problems.push(`record ${r} but no such change`);
      for (const p of problems) failures.push(`${step.key}: ${p}`);
      rows.push([
        step.key,
        String(res.statusCode),
        Object.entries(counts)
          .map(([t, n]) => `${t}×${n}`)
          .join(' ') || '—',
        String(changed.length),
        problems.length ? 'FAIL' : 'ok',
      ]);
      const body = res.statusCode < 300 && res.body ? (res.json() as Record<string, unknown>) : {};
      step.keep?.(body, state, req);
      return body;
    }

    for (const step of [...ACCOUNT_STEPS, ...REGISTRY_STEPS, ...RULE_STEPS, ...CAMPAIGN_STEPS, ...LEDGER_STEPS]) {
      await run(step);
    }
    await competition(run, state);

    const missing = [...routes.keys()].filter((k) => !called.has(k));
    printTable(
      `audit completeness: ${called.size} of ${routes.size} write routes called successfully, ${rows.length} calls`,
      ['route', 'status', 'audit records', 'rows changed', ''],
      rows,
    );
    expect(missing, 'write routes with no step in reliability/lib/scenario.ts').toEqual([]);
    expect(failures).toEqual([]);
  });

  /** A month's 大比武 from settings to the final ranking. */
  async function competition(run: (step: Step) => Promise<Record<string, unknown>>, s: State) {
    const a = w.areas.A;
    const b = w.areas.B;
    await run({ key: 'PUT /api/competition/settings', as: 't1.admin', expect: { competition_settings: 1 } });
    await run({ key: 'PUT /api/competition/year-scores', as: 't1.admin', expect: { competition_year_score: 1 } });
    const created = await run({
      key: 'POST /api/competition/rounds',
      as: 't1.admin',
      expect: { competition_round: 1, competition_sample: 2 },
    });
    s.round = (created.round as { id: string }).id;
    const detail = created as { villages: { villageId: string; groups: { id: string }[] }[] };
    const over = () => ({ round: s.round });
    await run({
      key: 'POST /api/competition/rounds/:id/villages/:villageId/redraw',
      as: 't1.admin',
      req: async () => ({
        ...(await validCall('POST /api/competition/rounds/:id/villages/:villageId/redraw')(w, a)),
        over: over(),
      }),
      expect: { competition_sample: 1 },
    });
    for (const [area, staff] of [
      [a, 't1.v01'],
      [b, 't1.v02'],
    ] as const) {
      const groups = detail.villages
        .find((v) => v.villageId === area.villageId)
        ?.groups.slice(0, 2)
        .map((g) => g.id);
      await run({
        key: 'PUT /api/competition/rounds/:id/nominations/:villageId',
        as: staff,
        req: () => ({ body: { groupIds: groups }, over: { ...over(), villageId: area.villageId } }),
        expect: { competition_nomination: 1 },
      });
    }
    const all = (judge: string, villageId: string) =>
      (['households', 'groups', 'village'] as const).map((part) => ({ judgeId: w.userId(judge), part, villageId }));
    await run({
      key: 'PUT /api/competition/rounds/:id/assignments',
      as: 't1.admin',
      req: () => ({ body: { assignments: [...all('t1.judge2', a.villageId), ...all('t1.judge1', b.villageId)] }, over: over() }),
      expect: { competition_assignment: 1 },
    });
    for (const judge of ['t1.judge2', 't1.judge1']) {
      const tasks = (await (await w.client(judge)).get('/api/competition/my-tasks')).json().items as {
        roundId: string;
        villageId: string;
        part: string;
        subjects: { subjectId: string }[];
      }[];
      for (const step of scoreSteps(
        judge,
        tasks.filter((x) => x.roundId === s.round),
      ))
        await run(step);
    }
    // A photo with the first sheet, then taken away again (the judge's own).
    const photo = await run({
      key: 'POST /api/competition/rounds/:id/scores/:scoreId/photos',
      as: 't1.judge2',
      req: async () => ({
        ...(await validCall('POST /api/competition/rounds/:id/scores/:scoreId/photos')(w, a)),
        over: { ...over(), score: s.score },
      }),
      expect: { competition_score: 1 },
    });
    await run({
      key: 'DELETE /api/competition/rounds/:id/scores/:scoreId/photos/:photoId',
      as: 't1.judge2',
      req: () => ({ over: { ...over(), score: s.score, photo: photo.id as string } }),
      expect: { competition_score: 1 },
    });
    const round = (key: string, as = 't1.admin', expect: Record<string, number> = { competition_round: 1 }): Step => ({
      key,
      as,
      req: async () => ({ ...(await validCall(key)(w, a)), over: over() }),
      expect,
    });
    await run(round('POST /api/competition/rounds/:id/close'));
    await run(round('POST /api/competition/rounds/:id/reopen'));
    await run(round('POST /api/competition/rounds/:id/close'));
    await run(round('POST /api/competition/rounds/:id/publish'));
    const objection = await run(round('POST /api/competition/rounds/:id/objections', 't1.v01', { competition_objection: 1 }));
    await run({
      key: 'POST /api/competition/rounds/:id/objections/:objectionId/answer',
      as: 't1.admin',
      req: async () => ({
        ...(await validCall('POST /api/competition/rounds/:id/objections/:objectionId/answer')(w, a)),
        over: { ...over(), objection: objection.id as string },
      }),
      expect: { competition_objection: 1 },
    });
    await run(round('POST /api/competition/rounds/:id/withdraw'));
    await run(round('POST /api/competition/rounds/:id/close'));
    await run(round('POST /api/competition/rounds/:id/publish'));
    // The publicity period over (sessions idle out after 12 hours, so a fresh one).
    w.t.clock.set('2020-03-16T02:00:00Z');
    await run({ ...round('POST /api/competition/rounds/:id/finalise'), as: (x) => loginAs(x.app, 't1.admin') });
  }
});

function sorted(o: Record<string, number>): [string, number][] {
  return Object.entries(o).sort(([x], [y]) => x.localeCompare(y));
}
