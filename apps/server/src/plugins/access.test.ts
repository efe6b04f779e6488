/**
 * Every route declares who may call it. This test enumerates every route the application
 * registers and fails on one without a declaration, on a public route that is not login,
 * health or a file of the web app, and on a data route that asks only for a signed-in person.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

const PUBLIC_API = new Set(['POST /api/auth/login', 'GET /api/health', 'HEAD /api/health']);
const SIGNED_IN_ONLY = /^\/api\/(me(\/.*)?|auth\/logout|docs(\/.*)?)$/;

describe('route access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'fupin-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>扶贫</title>');
    t = await createTestApp({ WEB_DIST: web });
  });
  afterAll(() => t.close());

  it('registers routes at all', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(20);
  });

  it('every route declares its access', () => {
    const undeclared = t.app.routeAccess.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('only login, health and the web app’s files are public', () => {
    const wrong = t.app.routeAccess
      .filter((r) => r.access && 'public' in r.access)
      .filter((r) => {
        const key = `${r.method} ${r.url}`;
        if (r.url.startsWith('/api/')) return !PUBLIC_API.has(key);
        return !(r.access && 'public' in r.access && r.access.public === 'asset' && (r.method === 'GET' || r.method === 'HEAD'));
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(wrong).toEqual([]);
  });

  it('a route open to any signed-in person acts on that person alone', () => {
    const wrong = t.app.routeAccess
      .filter((r) => r.access && 'signedIn' in r.access && !SIGNED_IN_ONLY.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(wrong).toEqual([]);
  });

  it('every other API route names a permission and the unit it acts on', () => {
    const routes = t.app.routeAccess.filter(
      (r) => r.url.startsWith('/api/') && !PUBLIC_API.has(`${r.method} ${r.url}`) && !SIGNED_IN_ONLY.test(r.url),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) {
      expect(r.access && 'permission' in r.access, `${r.method} ${r.url}`).toBe(true);
      if (r.access && 'permission' in r.access) expect(r.access.unit, `${r.method} ${r.url}`).toBeTruthy();
    }
  });
});

describe('a route that forgot its declaration', () => {
  it('answers to nobody', async () => {
    const t = await createTestApp();
    // Registered after the application was built, as a careless later module would.
    const app = t.app;
    await app.close();
    const { buildApp } = await import('../app');
    const fresh = await buildApp({ config: app.deps.config, database: t.database, clock: t.clock });
    fresh.get('/api/forgotten', async () => ({ secret: true }));
    await fresh.ready();
    const res = await fresh.inject({ method: 'GET', url: '/api/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('secret');
    expect(fresh.routeAccess.some((r) => r.url === '/api/forgotten' && !r.access)).toBe(true);
    await fresh.close();
    await t.database.close();
  });
});
