import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from './fixtures';
import { createTestApp, type TestApp } from './harness';

describe('smoke', () => {
  let t: TestApp;
  let county: CountyFixture;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
  });
  afterAll(() => t.close());

  it('answers health and logs in', async () => {
    const h = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(200);
    const cookie = await loginAs(t.app, 't1.admin');
    const me = await as(t.app, cookie).get('/api/me');
    expect(me.statusCode).toBe(200);
    const units = await as(t.app, cookie).get('/api/units');
    expect(units.json().items.length).toBeGreaterThan(3);
    expect(county.townships.length).toBe(2);
  });
});
