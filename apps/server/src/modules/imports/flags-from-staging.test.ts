/**
 * The flags of an import's new households, computed from their staged rows beside the commit,
 * are the flags the registry's own refresh computes from the stored households; and when the rule
 * sets changed in between (or that computation failed) the commit computes them itself.
 */
import { buildIdNumber } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { type Row, registryWorkbook, uploadChecked } from '../../../test/xlsx';
import { selectRows } from '../../db/client';
import { FixedClock } from '../../lib/clock';
import { runCommand, SYSTEM_ACTOR } from '../../lib/command';
import { refreshFlags } from '../rules/refresh-flags';
import { commitImport } from './commands/commit-import';
import { flagStagedNewHouseholds, liveRuleSetStamps } from './flags-from-staging';

const HOUSEHOLDS = 24;

/** Households whose incomes, status, labour and members vary, so that several rules fire. */
function file(prefix: string, village: string) {
  // ID numbers of one file differ from another's (a number already registered is refused).
  const seqFrom = { FS: 0, FX: 300, FN: 600 }[prefix] ?? 0;
  const households: Row[] = [];
  const members: Row[] = [];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const number = `${prefix}-${String(i).padStart(3, '0')}`;
    households.push({
      户编号: number,
      村: village,
      贫困户状态: ['未脱贫', '已脱贫', '非建档立卡户'][i % 3],
      脱贫年度: i % 3 === 1 ? 2018 : null,
      工资性收入: (i % 4) * 4000,
      转移性收入: (i % 5) * 900,
      住房结构: '砖混',
      饮水水量达标: i % 6 === 0 ? '否' : '是',
      帮扶措施: i % 2 === 0 ? '产业帮扶' : null,
    });
    const size = 1 + (i % 4);
    for (let j = 0; j < size; j++) {
      const birth = `${1945 + ((i * 7 + j * 13) % 70)}-0${1 + (j % 9)}-1${j % 9}`;
      members.push({
        户编号: number,
        姓名: `${prefix}成员${i}-${j}`,
        身份证号: buildIdNumber('369901', birth, seqFrom + i * 11 + j, j === 1 ? 'female' : 'male'),
        与户主关系: j === 0 ? '户主' : j === 1 ? '配偶' : '之子',
        劳动能力: (i + j) % 3 === 0 ? '无劳动力' : '普通劳动力',
        健康状况: '健康',
        务工情况: (i + j) % 5 === 0 ? '省外务工' : null,
      });
    }
  }
  return { households, members };
}

describe('flags of an import’s new households', () => {
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

  async function checked(prefix: string): Promise<string> {
    const { households, members } = file(prefix, village);
    const state = await uploadChecked(t.app, cookie, township, await registryWorkbook(households, members));
    expect(state.status).toBe('checked');
    return state.id;
  }

  /** The stored flags of the households numbered `prefix-…`, without the moment they were computed. */
  async function flagsOf(prefix: string) {
    return selectRows<Record<string, unknown>>(
      t.database.db,
      sql`select h.household_number, f.rule_set_id, f.rule_id, f.kind, f.explanation_zh, f.explanation_en, f.values
          from household_flags f join households h on h.township_id = f.township_id and h.id = f.household_id
          where f.township_id = ${township} and h.household_number like ${`${prefix}-%`}
          order by h.household_number, f.rule_set_id, f.rule_id`,
    );
  }

  /** The same households' flags as the registry's refresh computes them from the stored rows. */
  async function refreshed(prefix: string) {
    const ids = (
      await selectRows<{ id: string }>(
        t.database.db,
        sql`select id from households where township_id = ${township} and household_number like ${`${prefix}-%`}`,
      )
    ).map((r) => r.id);
    expect(ids).toHaveLength(HOUSEHOLDS);
    await t.database.db.transaction((tx) => refreshFlags(tx, township, ids, new Date()));
    return flagsOf(prefix);
  }

  it('are computed from the staged rows for every new household, as the refresh computes them', async () => {
    const id = await checked('FS');
    const stamps = await flagStagedNewHouseholds(t.database, township, id);
    expect(stamps).toBe(await liveRuleSetStamps(t.database.db, township));
    const [marked] = await selectRows<{ n: number }>(
      t.database.db,
      sql`select count(distinct household_number)::int as n from import_flags where township_id = ${township} and import_id = ${id}`,
    );
    expect(marked?.n).toBe(HOUSEHOLDS);

    const commit = await as(t.app, cookie).post(`/api/registry/imports/${id}/commit`);
    expect(commit.statusCode, commit.body).toBe(200);
    const stored = await flagsOf('FS');
    // The route computed them from the staged rows (it did not fall back to computing them itself).
    const [entry] = await selectRows<{ after: { flagsWritten: number; flagsFromStagedRows: number } }>(
      t.database.db,
      sql`select after from audit_log where entity_type = 'import' and entity_id = ${id} and action = 'commit'`,
    );
    expect(entry?.after.flagsFromStagedRows).toBe(stored.length);
    expect(entry?.after.flagsWritten).toBe(stored.length);
    expect(new Set(stored.map((f) => f.rule_id)).size).toBeGreaterThan(1);
    expect(stored).toEqual(await refreshed('FS'));
    const [left] = await selectRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from import_flags where import_id = ${id}`,
    );
    expect(left?.n).toBe(0);
  });

  it.each([
    ['the rule sets changed since they were computed', 'FX', Promise.resolve('another rule set')],
    ['computing them beside the commit failed', 'FN', Promise.resolve(null)],
  ])('are computed by the commit itself when %s', async (_, prefix, staged) => {
    const id = await checked(prefix);
    await flagStagedNewHouseholds(t.database, township, id);
    // Stored flags for the wrong rule sets must not be used: make them visibly wrong.
    await t.database.db.execute(sql`update import_flags set explanation_zh = '过期' where import_id = ${id}`);
    await runCommand(t.database, new FixedClock(new Date()), SYSTEM_ACTOR, (ctx, input) => commitImport(ctx, input, staged), {
      id,
    });
    const stored = await flagsOf(prefix);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((f) => f.explanation_zh === '过期')).toBe(false);
    expect(stored).toEqual(await refreshed(prefix));
  });
});
