/** Unfinished imports give up their staged rows after a week; finished and recent ones are left alone. */
import { buildIdNumber } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { registryWorkbook, uploadChecked } from '../../../test/xlsx';
import { selectRows } from '../../db/client';
import { FixedClock } from '../../lib/clock';
import { runCommand, SYSTEM_ACTOR } from '../../lib/command';
import { expireStaleImports } from './commands/expire-stale-imports';

describe('unfinished imports expire', () => {
  let t: TestApp;
  let county: CountyFixture;
  let cookie: string;
  let township: string;
  let village: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    cookie = await loginAs(t.app, 't1.admin');
    township = county.townships[0]?.id as string;
    village = county.villageName(0, 0);
  });
  afterAll(() => t.close());

  async function uploaded(number: string, idNumber: string) {
    const file = await registryWorkbook(
      [{ 户编号: number, 村: village, 贫困户状态: '未脱贫' }],
      [{ 户编号: number, 姓名: '过期测试', 身份证号: idNumber, 与户主关系: '户主' }],
    );
    return uploadChecked(t.app, cookie, township, file);
  }

  /** Staged rows (households, members, errors, flags) an import still holds. */
  async function staged(id: string) {
    const [row] = await selectRows<{ n: number }>(
      t.database.db,
      sql`select (select count(*) from import_households where import_id = ${id})
               + (select count(*) from import_members where import_id = ${id})
               + (select count(*) from import_errors where import_id = ${id})
               + (select count(*) from import_flags where import_id = ${id}) as n`,
    );
    return Number(row?.n);
  }

  const expire = (olderThan: Date) =>
    runCommand(t.database, new FixedClock(new Date()), SYSTEM_ACTOR, expireStaleImports, { olderThan });

  it('a checked and a refused import keep their rows while recent, lose them once stale, and cannot be committed', async () => {
    const checked = await uploaded('EXP-001', buildIdNumber('369901', '1960-01-01', 501, 'male'));
    const invalid = await uploaded('EXP-002', '123456789012345678');
    expect([checked.status, invalid.status]).toEqual(['checked', 'invalid']);
    expect(await staged(checked.id)).toBeGreaterThan(0);
    expect(await staged(invalid.id)).toBeGreaterThan(0);

    // Neither is older than the cut-off: nothing changes.
    const [oldest] = await selectRows<{ at: string }>(
      t.database.db,
      sql`select min(updated_at)::text as at from imports where id in (${checked.id}, ${invalid.id})`,
    );
    expect(await expire(new Date(new Date(oldest?.at as string).getTime() - 1000))).toEqual({ expired: 0 });
    expect(await staged(checked.id)).toBeGreaterThan(0);

    expect(await expire(new Date(Date.now() + 60_000))).toEqual({ expired: 2 });
    for (const id of [checked.id, invalid.id]) {
      const state = (await as(t.app, cookie).get(`/api/registry/imports/${id}`)).json();
      expect(state).toMatchObject({ status: 'failed', failure: '导入超过 7 天未完成，暂存数据已清除，请重新上传' });
      expect(await staged(id)).toBe(0);
      const [audit] = await selectRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where entity_type = 'import' and entity_id = ${id} and action = 'expire'`,
      );
      expect(audit?.n).toBe(1);
    }
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${checked.id}/commit`);
    expect(commit.statusCode).toBe(409);
    // Run again: nothing more to expire.
    expect(await expire(new Date(Date.now() + 60_000))).toEqual({ expired: 0 });
  });

  it('a committed import is left as it is, and loses what was left staged beside it', async () => {
    const done = await uploaded('EXP-003', buildIdNumber('369901', '1961-02-02', 503, 'female'));
    const commit = await as(t.app, cookie).post(`/api/registry/imports/${done.id}/commit`);
    expect(commit.statusCode, commit.body).toBe(200);
    // What a second click's computation beside the commit can leave behind.
    await t.database.db.execute(
      sql`insert into import_flags (township_id, import_id, household_number, seq) values (${township}, ${done.id}, 'EXP-003', 0)`,
    );
    expect(await staged(done.id)).toBe(1);
    expect(await expire(new Date(Date.now() + 60_000))).toEqual({ expired: 0 });
    expect(await staged(done.id)).toBe(0);
    const state = (await as(t.app, cookie).get(`/api/registry/imports/${done.id}`)).json();
    expect(state.status).toBe('committed');
  });
});
