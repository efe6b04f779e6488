/**
 * Access matrix: every API route × every role of DOMAIN §1 × a unit inside the role's reach and
 * one outside it. Each answer must be what the policy (packages/domain/src/access.ts) says —
 * allowed or refused — and nothing may leak: a refusal carries only the error, no answer ever
 * shows a row of a unit outside the role's reach, and ID numbers appear in full only to those
 * who hold household.read_id where the household is.
 */
import { ROLES, type Role, reachOf } from '@fupin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../apps/server/test/fixtures';
import { VALID, validCall } from './lib/calls';
import { allIdNumbers, matrixRequest, refused, SOMEONE_ELSES, secretsOf, textOf } from './lib/matrix';
import { grantsOf, policyAllows, targetOf } from './lib/policy';
import { n, printTable } from './lib/report';
import { type ApiRoute, apiRoutes } from './lib/routes';
import { sendRaw, toRaw } from './lib/send';
import { ACTORS, type Area, createWorld, OUTSIDE, type World } from './lib/world';

/** Routes the sessions suite proves instead (they end or change the caller's own session). */
const SKIP = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/health']);

describe('access matrix', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
    // Household changes whose audit records hold members' ID numbers, for the masking check.
    for (const [area, owner] of [
      [w.areas.A, 't1.admin'],
      [w.areas.C, 't2.admin'],
    ] as const) {
      const route = apiRoutes(w.app).find((r) => r.key === 'PUT /api/households/:id') as ApiRoute;
      const res = await sendRaw(w, await w.cookie(owner), toRaw(route, area, await validCall(route.key)(w, area)));
      if (res.statusCode !== 200) throw new Error(`edit in ${area.name}: ${res.body}`);
    }
  });
  afterAll(() => w?.t.close());

  it('every route answers every role as the policy says, inside and outside its reach, and leaks nothing', async () => {
    const routes = apiRoutes(w.app).filter((r) => !SKIP.has(r.key));
    const failures: string[] = [];
    const counts = new Map<Role, { allowed: number; refused: number }>();
    let calls = 0;
    for (const role of ROLES) counts.set(role, { allowed: 0, refused: 0 });

    for (const route of routes) {
      const write = route.method !== 'GET';
      if (write && !VALID[route.key]) {
        failures.push(`${route.key}: add its valid call to reliability/lib/calls.ts`);
        continue;
      }
      for (const role of ROLES) {
        const username = ACTORS[role];
        const grants = grantsOf(w, username);
        const secrets = secretsOf(w, role);
        const mayReadIds = grants.some((g) => reachOf(g.role, 'household.read_id'));
        const scopedOrOwn = 'signedIn' in route.access || ('permission' in route.access && route.access.unit === 'scoped');
        const areas: [string, Area][] = scopedOrOwn
          ? [['—', w.areas.A], ...(SOMEONE_ELSES[route.key] ? ([['else', w.areas.A]] as [string, Area][]) : [])]
          : [
              ['in', w.areas.A],
              ['out', w.areas[OUTSIDE[role]]],
            ];
        for (const [where, area] of areas) {
          const valid = write ? await validCall(route.key)(w, area) : {};
          const other = where === 'else' ? (SOMEONE_ELSES[route.key] as (w: World, a: Area) => Promise<Partial<Area>>) : null;
          const req = other
            ? { ...valid, over: { ...valid.over, ...(await other(w, area)) } }
            : await matrixRequest(w, route.key, area, username, valid);
          const target = await targetOf(w, route, area, req, username);
          const expected = other ? false : policyAllows(w, grants, route, target);
          let res = await sendRaw(w, await w.cookie(username), toRaw(route, area, req));
          if (res.statusCode === 401) {
            // A call before this one ended the session (a password change, a revocation): log in again.
            await w.relogin(username);
            res = await sendRaw(w, await w.cookie(username), toRaw(route, area, req));
          }
          await w.app.jobs.idle();
          calls++;
          const no = refused(res);
          const c = counts.get(role) as { allowed: number; refused: number };
          if (no) c.refused++;
          else c.allowed++;
          const label = `${route.key} as ${role} (${username}) ${where} ${area.name}`;
          if (no === expected)
            failures.push(
              `${label}: ${expected ? 'allowed' : 'refused'} by the policy, answered ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          if (no && Object.keys(safeJson(res.body)).join() !== 'error')
            failures.push(`${label}: a refusal with more than the error`);
          const text = await textOf(res);
          for (const s of secrets) if (text.includes(s)) failures.push(`${label}: shows ${s}, outside its reach`);
          if (!mayReadIds)
            for (const id of allIdNumbers(w)) if (text.includes(id)) failures.push(`${label}: shows ID number ${id} unmasked`);
        }
      }
    }
    const rows = ROLES.map((role) => {
      const c = counts.get(role) as { allowed: number; refused: number };
      return [role, ACTORS[role], OUTSIDE[role], String(c.allowed + c.refused), String(c.allowed), String(c.refused)];
    });
    const allowed = rows.reduce((s, r) => s + Number(r[4]), 0);
    printTable(
      `access matrix: ${routes.length} routes × ${ROLES.length} roles × inside/outside = ${n(calls)} requests, ` +
        `${n(allowed)} allowed, ${n(calls - allowed)} refused, ${failures.length} disagreeing with the policy or leaking`,
      ['role', 'account', 'outside', 'requests', 'allowed', 'refused'],
      rows,
    );
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it('masks ID numbers for every role that lacks household.read_id, and shows them to those who hold it', async () => {
    const a = w.areas.A;
    const rows: string[][] = [];
    for (const role of ROLES) {
      const username = ACTORS[role];
      const res = await (await w.client(username)).get(`/api/households/${a.household}`);
      if (res.statusCode !== 200) {
        rows.push([role, String(res.statusCode), '—']);
        continue;
      }
      const members = res.json().members as { idNumber: string | null; idMasked: boolean }[];
      const full = grantsOf(w, username).some((g) => reachOf(g.role, 'household.read_id'));
      for (const m of members) {
        if (!m.idNumber) continue;
        expect(m.idMasked, `${role} masked`).toBe(!full);
        if (full) expect(m.idNumber).toMatch(/^\d{17}[\dX]$/);
        else expect(m.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
      }
      rows.push([role, '200', full ? 'in full' : 'masked']);
    }
    printTable('ID numbers of a household in area A, by role', ['role', 'status', 'ID numbers'], rows);
    // A fresh login proves the accounts used above were not locked out by the matrix.
    expect(await loginAs(w.app, 't1.admin')).toMatch(/^fupin_session=/);
  });
});

function safeJson(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}
