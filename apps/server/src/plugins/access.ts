/**
 * Every route declares who may call it: public (login, health, the web app's files) or a
 * permission with the unit the request acts on. This plugin enforces the declaration before
 * any handler runs, and keeps the list of routes so a test can prove none is undeclared.
 *
 * Hooks: onRequest authenticates (session cookie, forced password change, cross-origin
 * writes); preHandler authorizes against the unit, after the body has been validated.
 */
import {
  DomainError,
  type Grant,
  holdsAnywhere,
  type Lang,
  type Permission,
  pickLang,
  type Reach,
  reachOn,
  type Scope,
  scopeOf,
  term,
  type UnitChain,
  type UnitKind,
} from '@fupin/domain';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import { units } from '../db/schema/index';
import { type Principal, townshipsOfCounties } from '../modules/auth/repository';
import { authenticate } from '../modules/auth/session';

/** Where the unit a request acts on comes from. */
export type UnitSource =
  | { param: string }
  | { body: string }
  | { query: string }
  /** from a stored entity: the units it belongs to (any one suffices); null when it does not exist */
  | { resolve: (req: FastifyRequest, db: Db) => Promise<string[] | null>; entity: string }
  /** a list: the handler filters by `req.scope` */
  | 'scoped';

export type Access =
  | { public: 'login' | 'health' | 'asset' }
  /** any signed-in person, acting on their own account only */
  | { signedIn: true }
  | { permission: Permission; unit: UnitSource };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    lang: Lang;
    principal: Principal | null;
    /** set on 'scoped' routes: where the route's permission reaches */
    scope: Scope | null;
    /** set on unit routes: how far the permission reaches on the unit acted on */
    reach: Reach | null;
  }
  interface FastifyInstance {
    routeAccess: RouteRecord[];
  }
}

export interface RouteRecord {
  method: string;
  url: string;
  access: Access | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The principal of a request that passed authentication (routes that are not public). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new DomainError('UNAUTHENTICATED');
  return req.principal;
}

/** The scope of a 'scoped' route. */
export function scopeOfRequest(req: FastifyRequest): Scope {
  if (!req.scope) throw new Error(`route ${req.routeOptions.url} is not declared 'scoped'`);
  return req.scope;
}

/**
 * Unit chains, remembered per database. A unit's place in the tree (kind, county, township,
 * village) is fixed when it is created: updates change only its name, code and order, and ids
 * are never reused. What can change is existence: a unit may be deleted (only when nothing points
 * at it), and another process may do that; so an entry is trusted for a minute at most, and a
 * unit not found is never remembered. Only the tree is cached, never who may do what: grants are
 * read on every request.
 */
const CHAIN_TTL_MS = 60_000;
const chainCache = new WeakMap<Db, Map<string, { chain: UnitChain; until: number }>>();

/** Forgets every remembered unit chain of a database (after a unit is deleted, in tests). */
export function forgetUnitChains(db: Db): void {
  chainCache.delete(db);
}

/** Loads the chains of some units; a missing unit is absent from the map. */
export async function loadUnitChains(db: Db, ids: readonly string[]): Promise<Map<string, UnitChain>> {
  let cache = chainCache.get(db);
  if (!cache) {
    cache = new Map();
    chainCache.set(db, cache);
  }
  const now = Date.now();
  const out = new Map<string, UnitChain>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(id);
    if (hit && hit.until > now) out.set(id, hit.chain);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .select({
      id: units.id,
      kind: units.kind,
      countyId: units.countyId,
      townshipId: units.townshipId,
      villageId: units.villageId,
    })
    .from(units)
    .where(inArray(units.id, missing));
  // Bounded: a township has a few hundred units; a county a few thousand.
  if (cache.size > 50_000) cache.clear();
  for (const r of rows) {
    const chain = { ...r, kind: r.kind as UnitKind };
    cache.set(r.id, { chain, until: now + CHAIN_TTL_MS });
    out.set(r.id, chain);
  }
  return out;
}

/** The scope of a permission for a set of grants, expanding county grants. */
export async function loadScope(db: Db, grants: readonly Grant[], permission: Permission): Promise<Scope> {
  const countyIds = grants.filter((g) => g.unitKind === 'county').map((g) => g.unitId);
  const byCounty = await townshipsOfCounties(db, countyIds);
  return scopeOf(grants, permission, (id) => byCounty.get(id) ?? []);
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

async function unitIdsOf(req: FastifyRequest, db: Db, source: Exclude<UnitSource, 'scoped'>): Promise<string[] | 'scoped'> {
  if ('resolve' in source) {
    const ids = await source.resolve(req, db);
    if (ids === null) throw new DomainError('NOT_FOUND', { entity: term(`entity.${source.entity}`) });
    return ids;
  }
  const [bag, key] =
    'param' in source ? [req.params, source.param] : 'body' in source ? [req.body, source.body] : [req.query, source.query];
  const value = (bag as Record<string, unknown> | undefined)?.[key];
  if (value === undefined && 'query' in source) return 'scoped';
  if (!isUuid(value)) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
  return [value];
}

/** Decides whether the origin of a write is this site: a cross-site form post is refused. */
function isCrossOrigin(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

async function accessPlugin(app: FastifyInstance, opts: { db: Db }) {
  const registry: RouteRecord[] = [];
  app.decorate('routeAccess', registry);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('principal', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('reach', null);

  app.addHook('onRoute', (route) => {
    // Routes from plugins that cannot declare access themselves: the OpenAPI pages are for
    // signed-in people; everything outside /api is the web app's own files, public by nature.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: { signedIn: true } };
    else if (!route.url.startsWith('/api/') && !route.config?.access)
      route.config = { ...route.config, access: { public: 'asset' } };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) registry.push({ method, url: route.url, access: route.config?.access });
  });

  app.addHook('onRequest', async (req) => {
    const lang = req.headers['x-fupin-lang'];
    req.lang = pickLang(typeof lang === 'string' ? lang : req.cookies?.fupin_lang);
    if (req.routeOptions.url === undefined) return; // no route: the not-found handler answers
    const access = req.routeOptions.config.access;
    // Fail closed: a route that forgot its declaration answers to nobody.
    if (!access) throw new DomainError('FORBIDDEN');
    if (!SAFE_METHODS.has(req.method) && isCrossOrigin(req)) throw new DomainError('CROSS_ORIGIN');
    if ('public' in access) return;
    req.principal = await authenticate(req);
    if (!req.principal) throw new DomainError('UNAUTHENTICATED');
    if (req.principal.mustChangePassword && !('signedIn' in access)) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    // Refused before the body is even read when the permission is held nowhere.
    if ('permission' in access && !holdsAnywhere(req.principal.grants, access.permission)) throw new DomainError('FORBIDDEN');
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || !('permission' in access)) return;
    const grants = principalOf(req).grants;
    const ids = access.unit === 'scoped' ? 'scoped' : await unitIdsOf(req, opts.db, access.unit);
    if (ids === 'scoped') {
      req.scope = await loadScope(opts.db, grants, access.permission);
      return;
    }
    const chains = await loadUnitChains(opts.db, ids);
    if (chains.size === 0) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
    let reach: Reach | null = null;
    for (const chain of chains.values()) {
      const r = reachOn(grants, access.permission, chain);
      if (r === 'subtree') {
        reach = r;
        break;
      }
      reach ??= r;
    }
    if (!reach) throw new DomainError('FORBIDDEN');
    req.reach = reach;
  });
}

export default fp(accessPlugin, { name: 'access' });

/** A second check inside a route, for a unit the request names besides the one it acts on. */
export async function assertPermissionOn(req: FastifyRequest, permission: Permission, unitId: string): Promise<void> {
  const chains = await loadUnitChains(req.server.deps.database.db, [unitId]);
  const chain = chains.get(unitId);
  if (!chain) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
  if (!reachOn(principalOf(req).grants, permission, chain)) throw new DomainError('FORBIDDEN');
}
