/** Failures become answers in one place: coded, translated, and never showing internals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedCounty } from '../../test/fixtures';
import { createTestDatabase } from '../../test/harness';
import { buildApp } from '../app';
import { testConfig } from '../config';
import type { Database } from '../db/client';
import { FixedClock } from '../lib/clock';

describe('error answers', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let cookie: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ config: testConfig(), database, clock: new FixedClock('2020-03-10T01:00:00Z') });
    app.get('/api/boom', { config: { access: { public: 'health' } } }, async () => {
      throw new Error('connection to 10.0.0.5 failed for password=hunter2');
    });
    await app.ready();
    await seedCounty(database);
    cookie = await loginAs(app, 't1.admin');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers an unexpected failure with 500, an error id and no internals', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toBe(`服务器内部错误，请稍后再试（错误编号 ${body.error.requestId}）`);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('10.0.0.5');
    expect(res.body).not.toContain('stack');
    const en = await app.inject({ method: 'GET', url: '/api/boom', headers: { 'x-fupin-lang': 'en' } });
    expect(en.json().error.message).toContain('Server error');
  });

  it('answers unreadable JSON with 400 in Chinese', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('提交的内容有误，请按提示修改');
  });

  it('answers an oversized body with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('提交的内容过大');
  });

  it('refuses text the database cannot store (NUL, half a surrogate pair) as a field error, not a 500', async () => {
    for (const username of ['a\u0000b', '\ud800x', 'x\udc00']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'x' } });
      expect(res.statusCode, username).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'username', message: '「用户名」：格式不正确' }]);
    }
    // A whole emoji (a surrogate pair) is text like any other.
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '👨‍👩‍👧', password: 'x' } });
    expect(ok.statusCode).toBe(401);
  });

  it('answers a path the router cannot read in the API’s shape', async () => {
    const long = await app.inject({ method: 'GET', url: `/api/units/${'x'.repeat(200)}`, headers: { cookie } });
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改' });
    const bad = await app.inject({ method: 'GET', url: '/api/units/%E0%A4%A', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers an upload cut short with 400, not 500', async () => {
    const village = (await app.inject({ method: 'GET', url: '/api/units', headers: { cookie } }))
      .json()
      .items.find((u: { kind: string }) => u.kind === 'village');
    const res = await app.inject({
      method: 'POST',
      url: `/api/registry/imports?unitId=${village.id}`,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=----x' },
      payload: '------x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('提交的内容有误，请按提示修改');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers an unauthenticated request with 401 and a Chinese message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('请先登录');
  });

  it('sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Over plain HTTP, upgrading requests to HTTPS would leave the page without its scripts.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the OpenAPI description to signed-in people only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/users', '/api/audit', '/api/auth/login']));
    expect(doc.paths['/api/units'].post.requestBody.content['application/json'].schema.properties.code).toBeTruthy();
  });
});
