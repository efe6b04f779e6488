/**
 * A cadre reaches the problems of households paired with them and, besides, the problems they
 * were made answerable for: they are notified of those, so they must be able to open and fix them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { households, pairings } from '../../db/schema/index';

describe('a cadre answerable for a problem', () => {
  let t: TestApp;
  let county: CountyFixture;

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
  });
  afterAll(() => t.close());

  it('opens and lists it although the household is not paired with them; other cadres do not', async () => {
    const cadre = county.users.get('t1.cadre001');
    const village = county.village(0, 0);
    const township = county.townships[0]?.id as string;
    const paired = t.database.db
      .select({ id: pairings.householdId })
      .from(pairings)
      .where(eq(pairings.cadreId, cadre?.id as string));
    const [other] = await t.database.db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.townshipId, township), eq(households.villageId, village), notInArray(households.id, paired)))
      .limit(1);
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const id = randomUUID();
    const created = await admin.post('/api/problems', {
      id,
      unitId: village,
      householdId: other?.id,
      category: 'housing',
      description: '屋顶漏雨，需帮扶干部跟进',
      responsibleUserId: cadre?.id,
    });
    expect(created.statusCode, created.body).toBe(200);

    const me = as(t.app, await loginAs(t.app, 't1.cadre001'));
    const detail = await me.get(`/api/problems/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const list = (await me.get('/api/problems?limit=500')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);

    const stranger = as(t.app, await loginAs(t.app, 't1.cadre002'));
    // Refused: 403 where their grant does not reach the village, 404 where it does.
    expect([403, 404]).toContain((await stranger.get(`/api/problems/${id}`)).statusCode);
    const theirs = (await stranger.get('/api/problems?limit=500')).json();
    expect(theirs.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });
});
