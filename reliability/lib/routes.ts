/**
 * The application's routes as its own registry lists them (`app.routeAccess`, filled by the
 * access plugin as routes register), and how to aim each at an area of the world: path
 * parameters and the query strings the read routes require.
 */
import type { FastifyInstance } from 'fastify';
import type { Access, RouteRecord } from '../../apps/server/src/plugins/access';
import type { Area } from './world';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: Method;
  url: string;
  /** "METHOD /url", the key of every table here */
  key: string;
  access: Access;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every API route but the OpenAPI pages and HEAD twins. */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  return app.routeAccess
    .filter((r: RouteRecord) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs'))
    .map((r) => {
      if (!r.access) throw new Error(`${r.method} ${r.url} declares no access`);
      return { method: r.method as Method, url: r.url, key: `${r.method} ${r.url}`, access: r.access };
    });
}

/** Every route that changes something. */
export function writeRoutes(app: FastifyInstance): ApiRoute[] {
  return apiRoutes(app).filter((r) => WRITE.has(r.method));
}

/** Query strings naming an area, for the read routes that require one. */
const QUERIES: Record<string, (a: Area) => string> = {
  '/api/registry/template.xlsx': (a) => `?unitId=${a.villageId}`,
  '/api/registry/imports': (a) => `?unitId=${a.villageId}`,
  '/api/registry/tags': (a) => `?townshipId=${a.townshipId}`,
  '/api/registry/cadres': (a) => `?townshipId=${a.townshipId}`,
  '/api/work-units': (a) => `?townshipId=${a.townshipId}`,
  '/api/users/roster': (a) => `?townshipId=${a.townshipId}`,
  '/api/users/roster-template.xlsx': (a) => `?townshipId=${a.townshipId}`,
  '/api/users/roster.xlsx': (a) => `?townshipId=${a.townshipId}`,
  '/api/rules/sets': (a) => `?townshipId=${a.townshipId}`,
  '/api/rules/active': (a) => `?unitId=${a.villageId}`,
  '/api/rules/default': () => '?year=2020',
  '/api/campaigns': (a) => `?townshipId=${a.townshipId}`,
  '/api/campaigns/current': (a) => `?unitId=${a.villageId}`,
  '/api/visits/tasks': (a) => `?campaignId=${a.campaignId}`,
  '/api/visits': (a) => `?householdId=${a.household}`,
  '/api/visits/summary': (a) => `?campaignId=${a.campaignId}&villageId=${a.villageId}`,
  '/api/visits/summary.xlsx': (a) => `?campaignId=${a.campaignId}&villageId=${a.villageId}`,
  '/api/visits/overview': (a) => `?campaignId=${a.campaignId}`,
  '/api/visits/overview.xlsx': (a) => `?campaignId=${a.campaignId}`,
  '/api/discrepancies': (a) => `?villageId=${a.villageId}`,
  '/api/problems/matrix': (a) => `?townshipId=${a.townshipId}`,
  '/api/problems/matrix.xlsx': (a) => `?townshipId=${a.townshipId}`,
  '/api/problems/overdue': (a) => `?townshipId=${a.townshipId}`,
  '/api/checklists': (a) => `?townshipId=${a.townshipId}`,
  '/api/inspections': (a) => `?campaignId=${a.campaignId}`,
  '/api/inspections/summary': (a) => `?campaignId=${a.campaignId}&villageId=${a.villageId}`,
  '/api/inspections/summary.xlsx': (a) => `?campaignId=${a.campaignId}&villageId=${a.villageId}`,
  '/api/inspections/overview': (a) => `?campaignId=${a.campaignId}`,
  '/api/competition/settings': (a) => `?townshipId=${a.townshipId}`,
  '/api/competition/rounds': (a) => `?townshipId=${a.townshipId}`,
  '/api/competition/year': (a) => `?townshipId=${a.townshipId}&year=2020`,
  '/api/competition/year.xlsx': (a) => `?townshipId=${a.townshipId}&year=2020`,
};

/** The value of each path parameter, by the route's prefix (`:id` means different things). */
function paramValue(url: string, name: string, a: Area, over: Partial<Area>): string {
  const v = { ...a, ...over };
  if (name === 'assignmentId') return v.assignment;
  if (name === 'evidenceId') return v.evidence;
  if (name === 'villageId') return v.villageId;
  if (name === 'objectionId') return v.objection;
  if (name === 'cadreId') return v.cadreId;
  if (name === 'scoreId') return v.score;
  if (name === 'photoId') return v.photo;
  if (name === 'target') return 'clinic';
  const byPrefix: [string, string][] = [
    ['/api/competition/rounds/', v.round],
    ['/api/problems/', v.problem],
    ['/api/orders/', v.order],
    ['/api/sites/', v.site],
    ['/api/registry/imports/', v.importId],
    ['/api/rules/sets/', v.ruleSet],
    ['/api/jobs/', v.job],
    ['/api/campaigns/', v.campaignId],
    ['/api/visits/', v.visit],
    ['/api/discrepancies/', v.discrepancy],
    ['/api/households/', v.household],
    ['/api/units/', v.villageId],
    ['/api/users/', v.user],
    ['/api/work-units/', v.workUnit],
    ['/api/me/sessions/', v.session],
    ['/api/me/notifications/', v.notification],
  ];
  const hit = byPrefix.find(([prefix]) => url.startsWith(prefix));
  if (!hit) throw new Error(`no value for :${name} of ${url}`);
  return hit[1];
}

/** The names of a route's path parameters, in order. */
export function paramsOf(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
}

/** The path parameters of a route aimed at an area, by name. */
export function paramMap(url: string, a: Area, over: Partial<Area> = {}): Record<string, string> {
  return Object.fromEntries(paramsOf(url).map((name) => [name, paramValue(url, name, a, over)]));
}

/** The query a route needs, aimed at an area, as an object. */
export function queryMap(url: string, a: Area, over: Partial<Area> = {}): Record<string, string> {
  const q = QUERIES[url]?.({ ...a, ...over }) ?? '';
  return Object.fromEntries(new URLSearchParams(q.slice(1)));
}

/** The route's URL aimed at an area; `params` replaces parameters by name (for junk ids). */
export function fillUrl(url: string, a: Area, over: Partial<Area> = {}, params: Record<string, string> = {}): string {
  const path = url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? paramValue(url, name, a, over)),
  );
  return `${path}${QUERIES[url]?.({ ...a, ...over }) ?? ''}`;
}
