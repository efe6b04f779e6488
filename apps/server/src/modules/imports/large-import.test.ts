/** A 50,000-row file: read in bounded memory, checked, committed in one transaction. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdNumber } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { largeWorkbook, type Row, upload } from '../../../test/xlsx';
import { selectRows } from '../../db/client';

const HOUSEHOLDS = 12_500;
const MEMBERS_EACH = 3;

function* householdRows(village: string): Generator<Row> {
  for (let i = 0; i < HOUSEHOLDS; i++) {
    yield {
      户编号: `BIG-${String(i).padStart(6, '0')}`,
      村: village,
      贫困户状态: i % 10 === 0 ? '未脱贫' : '非建档立卡户',
      工资性收入: 10_000 + i,
      转移性收入: i % 7,
    };
  }
}

function* memberRows(): Generator<Row> {
  for (let i = 0; i < HOUSEHOLDS; i++) {
    for (let j = 0; j < MEMBERS_EACH; j++) {
      const day = new Date(Date.UTC(1950, 0, 1) + (i * MEMBERS_EACH + j) * 86_400_000 * 0.5);
      const birth = day.toISOString().slice(0, 10);
      const sex = j === 1 ? 'female' : 'male';
      yield {
        户编号: `BIG-${String(i).padStart(6, '0')}`,
        姓名: `成员${i}-${j}`,
        身份证号: buildIdNumber('369902', birth, (i * 7 + j) % 500, sex),
        与户主关系: j === 0 ? '户主' : j === 1 ? '配偶' : '之子',
      };
    }
  }
}

describe('a 50,000-row import', () => {
  let t: TestApp;
  let county: CountyFixture;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    dir = mkdtempSync(join(tmpdir(), 'fupin-big-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('is checked and committed whole', async () => {
    const village = county.villageName(0, 0);
    const path = join(dir, 'big.xlsx');
    await largeWorkbook(path, householdRows(village), memberRows());
    const cookie = await loginAs(t.app, 't1.admin');
    const started = Date.now();
    const res = await upload(t.app, cookie, `/api/registry/imports?unitId=${county.townships[0]?.id}`, readFileSync(path));
    expect(res.statusCode, res.body).toBe(200);
    await t.app.jobs.idle();
    const state = (await as(t.app, cookie).get(`/api/registry/imports/${res.json().id}`)).json();
    const errors = (await as(t.app, cookie).get(`/api/registry/imports/${res.json().id}/errors?limit=5`)).json();
    expect(errors.items.map((e: { message: string }) => e.message)).toEqual([]);
    expect(state).toMatchObject({ status: 'checked', rowsRead: HOUSEHOLDS * (1 + MEMBERS_EACH) });
    expect(state.counts).toMatchObject({ householdsNew: HOUSEHOLDS, membersNew: HOUSEHOLDS * MEMBERS_EACH });
    const checkedIn = Date.now() - started;
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${state.id}/commit`);
    expect(commit.statusCode, commit.body).toBe(200);
    const [counts] = await selectRows<{ h: number; m: number; a: number }>(
      t.database.db,
      sql`select (select count(*)::int from households where household_number like 'BIG-%') as h,
                 (select count(*)::int from members m join households h on h.township_id = m.township_id and h.id = m.household_id where h.household_number like 'BIG-%') as m,
                 (select count(*)::int from audit_log where action = 'import_create') as a`,
    );
    expect(counts).toEqual({ h: HOUSEHOLDS, m: HOUSEHOLDS * MEMBERS_EACH, a: HOUSEHOLDS });
    console.log(
      `50,000-row import: checked in ${(checkedIn / 1000).toFixed(1)} s, committed in ${((Date.now() - started - checkedIn) / 1000).toFixed(1)} s`,
    );
  }, 240_000);
});
