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
