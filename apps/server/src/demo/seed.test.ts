/** The demo township and the county-scale synthetic set. */
import { parseIdNumber, shanghaiDate } from '@fupin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginAs } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/harness';
import { selectRows } from '../db/client';
import { seedCounty } from './seed-county';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './seed-demo';

describe('demo township', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (query: SQL) => (await selectRows<{ n: number }>(t.database.db, query))[0]?.n;

  it('seeds 12 villages, 3,000 households with members, 47 not yet out of poverty, once', async () => {
    const summary = await seedDemoIfEmpty(t.database, t.clock, { households: 3000 });
    expect(summary?.households).toBe(3000);
    expect(await count(sql`select count(*)::int as n from units where kind = 'village'`)).toBe(12);
    expect(await count(sql`select count(*)::int as n from households`)).toBe(3000);
    expect(summary?.members).toBeGreaterThan(7000);
    expect(await count(sql`select count(*)::int as n from households where poverty_status = 'not_out'`)).toBe(47);
    expect(
      await count(
        sql`select count(*)::int as n from households h where poverty_status <> 'none' and not exists (select 1 from pairings p where p.township_id = h.township_id and p.household_id = h.id)`,
      ),
    ).toBe(0);
    expect(await seedDemoIfEmpty(t.database, t.clock, { households: 3000 })).toBeNull();
    expect(await count(sql`select count(*)::int as n from households`)).toBe(3000);
  });

  it('gives every member a valid, unique ID number agreeing with sex and birth date', async () => {
    const rows = await selectRows<{ id_number: string; sex: string; birth: string }>(
      t.database.db,
      sql`select id_number, sex, birth_date::text as birth from members`,
    );
    const today = shanghaiDate(t.clock.now());
    for (const r of rows) {
      const parsed = parseIdNumber(r.id_number, today);
      expect(parsed.ok, r.id_number).toBe(true);
      if (parsed.ok) {
        expect(parsed.facts.sex).toBe(r.sex);
        expect(parsed.facts.birthDate).toBe(r.birth);
      }
    }
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
  });

  it('gives every cadre the 派出单位 that sponsors their village, with its head', async () => {
    const rows = await selectRows<{ cadres: number; sent: number; units: number; headless: number; mixed: number }>(
      t.database.db,
      sql`select
            (select count(distinct user_id)::int from role_assignments where role = 'cadre') as cadres,
            (select count(*)::int from users u where u.work_unit_id is not null
               and exists (select 1 from role_assignments ra where ra.user_id = u.id and ra.role = 'cadre')) as sent,
            (select count(*)::int from work_units) as units,
            (select count(*)::int from work_units where head_name is null or head_title is null) as headless,
            (select count(*)::int from (select ra.unit_id from role_assignments ra join users u on u.id = ra.user_id
               where ra.role = 'cadre' group by ra.unit_id having count(distinct u.work_unit_id) > 1) v) as mixed`,
    );
    expect(rows[0]).toMatchObject({ sent: rows[0]?.cadres, units: 7, headless: 0, mixed: 0 });
  });

  it('has an account for every role, and every printed login works', async () => {
    const roles = (await selectRows<{ role: string }>(t.database.db, sql`select distinct role from role_assignments`)).map(
      (r) => r.role,
    );
    expect(roles.sort()).toEqual([
      'cadre',
      'county_admin',
      'county_reviewer',
      'discipline',
      'judge',
      'sector_leader',
      'town_leader',
      'township_admin',
      'village_staff',
    ]);
    for (const login of DEMO_LOGINS) {
      const me = await as(t.app, await loginAs(t.app, login.username, DEMO_PASSWORD)).get('/api/me');
      expect(me.statusCode, login.username).toBe(200);
      expect(me.json().user.mustChangePassword).toBe(false);
    }
  });

  it('adds a synthetic county beside it, with fictional codes and its own accounts', async () => {
    const summary = await seedCounty(t.database, t.clock, {
      townships: 2,
      households: 400,
      villagesPerTownship: 3,
      password: 'bench2020',
      seed: 3,
    });
    expect(summary).toMatchObject({ townships: 2, households: 400 });
    expect(summary.countyCode).toMatch(/^3699\d{2}000000$/);
    expect(await count(sql`select count(*)::int as n from households`)).toBe(3400);
    const admin = as(t.app, await loginAs(t.app, `c${summary.countyCode.slice(4, 6)}.admin`, 'bench2020'));
    const units = (await admin.get('/api/units')).json().items;
    expect(units.filter((u: { kind: string }) => u.kind === 'township')).toHaveLength(2);
    // Each township is under way: this year's campaign and its villages' sites.
    expect(await count(sql`select count(distinct township_id)::int as n from campaigns`)).toBe(3);
    expect(
      await count(sql`select count(*)::int as n from sites s join units u on u.id = s.village_id where u.kind = 'village'`),
    ).toBeGreaterThan(2 * 3 * 2);
  });
});
