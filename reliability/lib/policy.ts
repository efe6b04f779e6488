/**
 * What the policy of `packages/domain/src/access.ts` says a person may do. The grants come from
 * the fixture's accounts; the units a request acts on come from the route's own declaration
 * (a parameter, a body or query field, or its resolver) — and every unit a resolver names must
 * lie in the township of the entity the world put there, so a resolver cannot point elsewhere.
 */
import { type Grant, holdsAnywhere, type Permission, type Role, reachOn } from '@fupin/domain';
import type { FastifyRequest } from 'fastify';
import type { Req } from './calls';
import { type ApiRoute, paramMap, queryMap } from './routes';
import type { Area, World } from './world';

/** The grants of a fixture account. */
export function grantsOf(w: World, username: string): Grant[] {
  const user = w.county.users.get(username);
  if (!user) throw new Error(`no fixture account ${username}`);
  return user.roles.map((r) => {
    const chain = w.chains.get(r.unitId);
    if (!chain) throw new Error(`no unit ${r.unitId}`);
    return {
      role: r.role as Role,
      unitId: r.unitId,
      unitKind: chain.kind,
      countyId: chain.countyId,
      townshipId: chain.townshipId,
      sector: r.sector,
    };
  });
}

/**
 * Routes whose handler asks for more than the declared permission: reading a problem opens the
 * door to moving it, but the move itself needs rectify (the table's call is "start"); raising an
 * objection is for the village that nominates or the office that manages.
 */
const EFFECTIVE: Record<string, Permission[]> = {
  'POST /api/problems/:id/transition': ['problem.rectify'],
  'POST /api/competition/rounds/:id/objections': ['competition.nominate', 'competition.manage'],
};

/**
 * Where a handler narrows the policy further, by design: a judge sees the sheets (and their
 * photos) of the villages assigned to them only, and no judge is assigned in the world's round.
 */
const NARROWER: Record<string, Role[]> = {
  'GET /api/competition/rounds/:id/scores/:scoreId/photos/:photoId': ['judge'],
};

export type Target = { units: string[] } | 'scoped' | 'self';

/** The units a request acts on, as the route declares them. */
export async function targetOf(w: World, route: ApiRoute, a: Area, req: Req, username?: string): Promise<Target> {
  const access = route.access;
  if ('public' in access || 'signedIn' in access) return 'self';
  const unit = access.unit;
  if (unit === 'scoped') return 'scoped';
  // What a resolver may read of the request: its parts, and who is asking.
  const principal = username ? { userId: w.userId(username), username, grants: grantsOf(w, username) } : null;
  const parts = { params: paramMap(route.url, a, req.over), query: queryMap(route.url, a, req.over), body: req.body, principal };
  if ('resolve' in unit) {
    const units = await unit.resolve(parts as unknown as FastifyRequest, w.t.database.db);
    if (!units) throw new Error(`${route.key}: the resolver finds nothing in area ${a.name}`);
    if (units.some((id) => !w.chains.has(id))) await w.reloadChains();
    for (const id of units)
      if (w.chains.get(id)?.townshipId !== a.townshipId)
        throw new Error(`${route.key}: the resolver names ${id}, outside the township of area ${a.name}`);
    return { units };
  }
  const [bag, key] =
    'param' in unit ? [parts.params, unit.param] : 'body' in unit ? [parts.body, unit.body] : [parts.query, unit.query];
  const value = (bag as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string') return 'scoped';
  return { units: [value] };
}

/** Whether the policy lets these grants make a request with this target. */
export function policyAllows(w: World, grants: readonly Grant[], route: ApiRoute, target: Target): boolean {
  const access = route.access;
  if ('public' in access || 'signedIn' in access) return true;
  if (!holdsAnywhere(grants, access.permission)) return false;
  const narrower = NARROWER[route.key];
  if (narrower && grants.every((g) => narrower.includes(g.role))) return false;
  if (target === 'scoped' || target === 'self') return true;
  const permissions = EFFECTIVE[route.key] ?? [access.permission];
  return permissions.some((p) =>
    target.units.some((id) => {
      const chain = w.chains.get(id);
      if (!chain) throw new Error(`no unit ${id}`);
      return reachOn(grants, p, chain) !== null;
    }),
  );
}

/** The first of these accounts the policy lets make the request (the bad-input suite's sender). */
export function holderOf(w: World, route: ApiRoute, target: Target, candidates: readonly string[]): string | null {
  for (const username of candidates) if (policyAllows(w, grantsOf(w, username), route, target)) return username;
  return null;
}
