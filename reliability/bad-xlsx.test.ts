/**
 * Malformed registry workbooks to the import route (apps/server/src/modules/imports): a
 * truncated zip, a zip with no workbook, a missing sheet, a 1 MB cell, a formula, dates typed
 * as text, a million empty rows, a legacy .xls, an empty file. Each gets a clear Chinese error
 * — at once, or from the check the upload starts — and nothing is written: households and
 * members unchanged, no audit record but the upload's own, and a commit refused.
 */
import { buildIdNumber } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../apps/server/test/fixtures';
import { createTestApp, type TestApp } from '../apps/server/test/harness';
import { upload } from '../apps/server/test/xlsx';
import { printTable } from './lib/report';
import { errorOf } from './lib/send';
import { millionEmptyRows, registryWorkbook, truncated, withFormula, zipWithoutWorkbook } from './lib/xlsx-files';

const CJK = /[\u4e00-\u9fff]/;
/** Male ID numbers born 1980-01-01 (odd sequence numbers, so no two coincide). */
const id = (n: number) => buildIdNumber('369901', '1980-01-01', 2 * n + 1, 'male');

interface Case {
  name: string;
  file: () => Promise<Buffer>;
  /** 'refused' at upload, or the state the check leaves it in */
  outcome: 'refused' | 'failed' | 'invalid';
  /** the messages the reader is shown (all of them, for an invalid file) */
  messages: (string | RegExp)[];
}

describe('malformed .xlsx imports', () => {
  let t: TestApp;
  let county: CountyFixture;
  let cookie: string;
  let village: string;
  let villageName: string;
  const rows: string[][] = [];
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    cookie = await loginAs(t.app, 't1.admin');
    village = county.village(0, 0);
    villageName = county.townships[0]?.data.units.find((u) => u[0] === village)?.[7] as string;
  });
  afterAll(async () => {
    printTable('malformed .xlsx: each a Chinese error, nothing written', ['file', 'size', 'answer', 'message', 'time'], rows);
    await t?.close();
  });

  const counts = async () => {
    const res = (await t.database.db.execute(
      sql`select (select count(*)::int from households) as h, (select count(*)::int from members) as m,
                 (select count(*)::int from audit_log where entity_type <> 'import') as other,
                 (select count(*)::int from audit_log where entity_type = 'import') as imports`,
    )) as unknown as { rows: { h: number; m: number; other: number; imports: number }[] };
    return res.rows[0] as { h: number; m: number; other: number; imports: number };
  };

  const good = () =>
    registryWorkbook(
      [{ 户编号: 'B1', 村: villageName, 户主姓名: '陈好', 贫困户状态: '非建档立卡户' }],
      [{ 户编号: 'B1', 姓名: '陈好', 身份证号: id(1), 与户主关系: '户主' }],
    );

  const cases = (): Case[] => [
    {
      name: 'truncated zip',
      file: async () => truncated(await good()),
      outcome: 'failed',
      messages: ['文件内容无法读取，请检查后重新上传'],
    },
    {
      name: 'zip without a workbook',
      file: zipWithoutWorkbook,
      outcome: 'invalid',
      messages: [
        '户信息 第 1 行：缺少工作表「户信息」（请使用下载的模板）',
        '成员信息 第 1 行：缺少工作表「成员信息」（请使用下载的模板）',
      ],
    },
    {
      name: 'missing sheet',
      file: () =>
        registryWorkbook([{ 户编号: 'B2', 村: villageName, 贫困户状态: '非建档立卡户' }], [], { omitSheet: '成员信息' }),
      outcome: 'invalid',
      messages: ['成员信息 第 1 行：缺少工作表「成员信息」（请使用下载的模板）'],
    },
    {
      name: '1 MB cell',
      file: () =>
        registryWorkbook([{ 户编号: 'B3', 村: villageName, 户主姓名: '长'.repeat(1_000_000), 贫困户状态: '非建档立卡户' }], []),
      outcome: 'invalid',
      messages: ['户信息 第 2 行 D 列（户主姓名）：最多 40 个字'],
    },
    {
      name: 'formula',
      file: () => withFormula(villageName, 'B4'),
      outcome: 'invalid',
      messages: ['户信息 第 2 行 S 列（工资性收入）：请填写数值，不要使用公式'],
    },
    {
      // Unambiguous dates typed as text are read (the ID numbers' birth dates agree, or it would
      // say so); ambiguous or impossible ones are named.
      name: 'dates as text',
      file: () =>
        registryWorkbook(
          [{ 户编号: 'B5', 村: villageName, 贫困户状态: '非建档立卡户' }],
          [
            { 户编号: 'B5', 姓名: '甲', 身份证号: id(2), 与户主关系: '户主', 出生日期: '1980年1月1日' },
            { 户编号: 'B5', 姓名: '乙', 身份证号: id(3), 与户主关系: '之子', 出生日期: '1980.01.01' },
            { 户编号: 'B5', 姓名: '丙', 身份证号: id(4), 与户主关系: '之子', 出生日期: '01/02/1980' },
            { 户编号: 'B5', 姓名: '丁', 身份证号: id(5), 与户主关系: '之子', 出生日期: '1980年13月1日' },
            { 户编号: 'B5', 姓名: '戊', 身份证号: id(6), 与户主关系: '之子', 出生日期: '19800101' },
          ],
        ),
      outcome: 'invalid',
      messages: [
        '成员信息 第 4 行 F 列（出生日期）：不是有效的日期（应为 年-月-日）',
        '成员信息 第 5 行 F 列（出生日期）：不是有效的日期（应为 年-月-日）',
      ],
    },
    {
      name: 'a million empty rows',
      file: () => millionEmptyRows(),
      outcome: 'invalid',
      messages: ['户信息 第 2 行：工作表「户信息」没有数据'],
    },
    {
      name: 'legacy .xls',
      file: async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
      outcome: 'refused',
      messages: ['无法读取该文件：不是有效的 Excel 文件（.xlsx），请用模板填写并另存为 .xlsx 后上传'],
    },
    { name: 'empty file', file: async () => Buffer.alloc(0), outcome: 'refused', messages: [/[\u4e00-\u9fff]/] },
  ];

  it('answers each malformed workbook with a Chinese error and writes nothing', async () => {
    for (const c of cases()) {
      const file = await c.file();
      const before = await counts();
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const res = await upload(t.app, cookie, `/api/registry/imports?unitId=${village}`, file);
      let shown: string[];
      let answer: string;
      if (c.outcome === 'refused') {
        expect(res.statusCode, c.name).toBe(400);
        shown = [errorOf(res)?.message ?? ''];
        answer = `${res.statusCode} at upload`;
      } else {
        expect(res.statusCode, `${c.name}: ${res.body}`).toBe(200);
        await t.app.jobs.idle();
        const importId = res.json().id as string;
        const state = (await as(t.app, cookie).get(`/api/registry/imports/${importId}`)).json();
        expect(state.status, c.name).toBe(c.outcome);
        const errors = (await as(t.app, cookie).get(`/api/registry/imports/${importId}/errors?limit=500`)).json();
        shown = c.outcome === 'failed' ? [state.failure] : errors.items.map((e: { message: string }) => e.message);
        // And it cannot be committed, for a reason the reader is told.
        const commit = await as(t.app, cookie).post(`/api/registry/imports/${importId}/commit`);
        expect(commit.statusCode, c.name).toBe(409);
        expect(errorOf(commit)?.message, c.name).toMatch(CJK);
        answer = `${c.outcome}, commit ${commit.statusCode}`;
      }
      const ms = Math.round(performance.now() - started);
      if (c.messages.every((m) => typeof m === 'string')) expect([...shown].sort(), c.name).toEqual([...c.messages].sort());
      else for (const m of c.messages) expect(shown.join('\n'), c.name).toMatch(m);
      for (const m of shown) expect(m, c.name).toMatch(CJK);
      const after = await counts();
      expect({ ...after, imports: undefined }, `${c.name}: nothing written`).toEqual({ ...before, imports: undefined });
      // The upload itself is on record (who sent which file); nothing else is.
      expect(after.imports - before.imports, c.name).toBe(c.outcome === 'refused' ? 0 : 1);
      // Read as a stream: memory does not grow with the file.
      expect(process.memoryUsage().rss - rss, `${c.name}: memory`).toBeLessThan(400 * 1024 * 1024);
      rows.push([
        c.name,
        file.length < 1024 ? `${file.length} B` : `${Math.round(file.length / 1024)} KB`,
        answer,
        shown[0] ?? '',
        `${ms} ms`,
      ]);
    }
  });
});
