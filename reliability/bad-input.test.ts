/**
 * Bad input: every write route of the app's route registry gets 200 generated bad requests
 * (lib/bad-requests.ts), sent as a signed-in person who holds the route's permission on a real
 * unit, so validation and the handler are reached rather than a 403. None may answer 5xx; every
 * refusal is a 4xx in the API's shape, `{ error: { code, message } }`, the message in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BadRequest, badRequests, type Kind, PER_ROUTE } from './lib/bad-requests';
import { JPEG, VALID, validCall } from './lib/calls';
import type { Schema } from './lib/payloads';
import { holderOf, targetOf } from './lib/policy';
import { n, printTable } from './lib/report';
import { writeRoutes } from './lib/routes';
import { errorOf, sendRaw } from './lib/send';
import { createWorld, type World } from './lib/world';

/** Who sends: the first of these the policy lets make the route's valid call in area A. */
const CANDIDATES = ['t1.admin', 't1.v01', 't1.judge1', 't1.leader', 'reviewer', 'countyadmin', 't1.cadre001'];
const CJK = /[\u4e00-\u9fff]/;

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        parameters?: { name: string; in: string; schema?: Schema }[];
      }
    >
  >;
}

describe('bad input', () => {
  let w: World;
  let openapi: OpenApi;
  beforeAll(async () => {
    w = await createWorld();
    const res = await w.app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie: await w.cookie('t1.admin') } });
    openapi = res.json() as OpenApi;
  });
  afterAll(() => w?.t.close());

  it(`every write route refuses ${PER_ROUTE} bad requests with a 4xx and a Chinese message, never a 5xx`, async () => {
    const a = w.areas.A;
    const d = w.areas.D;
    const strangers = { ids: [d.villageId, d.household, d.problem, d.user, d.round, d.site, d.townshipId, d.campaignId] };
    const failures: string[] = [];
    const rows: string[][] = [];
    const byKind = new Map<Kind, number>();
    const byStatus = new Map<number, number>();
    let total = 0;
    let accepted = 0;
    let crashed = 0;
    const routes = writeRoutes(w.app);
    for (const route of routes) {
      if (!VALID[route.key]) {
        failures.push(`${route.key}: add its valid call to reliability/lib/calls.ts`);
        continue;
      }
      const req = await validCall(route.key)(w, a);
      const who = 'public' in route.access ? null : holderOf(w, route, await targetOf(w, route, a, req, 't1.admin'), CANDIDATES);
      if (!('public' in route.access) && !who) {
        failures.push(`${route.key}: none of ${CANDIDATES.join(', ')} holds it in area A`);
        continue;
      }
      const op = openapi.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const params = Object.fromEntries((op?.parameters ?? []).map((p) => [p.name, p.schema ?? {}]));
      const requests = badRequests({
        route,
        area: a,
        req,
        body: op?.requestBody?.content?.['application/json']?.schema,
        params,
        strangers,
        magic: /\/(evidence|photos)$/.test(route.url)
          ? [JPEG.subarray(0, 3), Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from('RIFF'), Buffer.from('%PDF')]
          : [Buffer.from('PK')],
      });
      let cookie = who ? await w.relogin(who).then(() => w.cookie(who)) : null;
      const tally = { refused: 0, accepted: 0, crashed: 0 };
      const started = performance.now();
      for (const bad of requests) {
        let res = await sendRaw(w, cookie, bad);
        // A request that ended its own session (revoking, resetting) does not stop the rest.
        if (res.statusCode === 401 && who && errorOf(res)?.code === 'UNAUTHENTICATED') {
          cookie = (await w.relogin(who).then(() => w.cookie(who))) as string;
          res = await sendRaw(w, cookie, bad);
        }
        total++;
        byKind.set(bad.kind, (byKind.get(bad.kind) ?? 0) + 1);
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        const problem = check(bad, res.statusCode, errorOf(res));
        if (res.statusCode >= 500) tally.crashed++;
        else if (res.statusCode < 300) tally.accepted++;
        else tally.refused++;
        if (problem) failures.push(`${route.key} [${bad.kind}] ${bad.what}: ${problem} — ${res.body.slice(0, 160)}`);
      }
      await w.app.jobs.idle();
      accepted += tally.accepted;
      crashed += tally.crashed;
      rows.push([
        route.key,
        who ?? '—',
        String(requests.length),
        String(tally.refused),
        String(tally.accepted),
        String(tally.crashed),
        `${Math.round(performance.now() - started)} ms`,
      ]);
    }
    const statuses = [...byStatus.entries()].sort(([x], [y]) => x - y).map(([s, c]) => `${s}×${n(c)}`);
    printTable(
      `bad input: ${routes.length} write routes × ${PER_ROUTE} bad requests = ${n(total)} requests, ` +
        `${crashed} × 5xx, every 4xx with a Chinese message\n` +
        `  by kind: ${[...byKind.entries()].map(([k, c]) => `${k} ${n(c)}`).join(', ')}\n` +
        `  by status: ${statuses.join(' ')} (accepted: ${n(accepted)} odd-but-valid values)`,
      ['route', 'sent as', 'requests', '4xx', '2xx', '5xx', 'time'],
      rows,
    );
    if (process.env.RELIABILITY_DUMP) (await import('node:fs')).writeFileSync(process.env.RELIABILITY_DUMP, failures.join('\n'));
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
    expect(failures.slice(0, 40)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(routes.length * PER_ROUTE);
  }, 600_000);
});

/** What is wrong with an answer to a bad request, or null. */
function check(bad: BadRequest, status: number, error: { code: string; message: string } | null): string | null {
  if (status >= 500) return `answered ${status}`;
  if (status < 400 && bad.kind !== 'odd') return `accepted (${status})`;
  if (status >= 400) {
    if (!error) return `${status} without { error: { code, message } }`;
    if (!error.message.trim()) return `${status} ${error.code} with an empty message`;
    if (!CJK.test(error.message)) return `${status} ${error.code} message not in Chinese: ${error.message}`;
  }
  return null;
}
