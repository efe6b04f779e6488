/**
 * Streams the registry to .xlsx in bounded memory: the ids of the listed households are read
 * first (small), then households and members in batches, written row by row. The households
 * and members sheets use the template's columns, so an exported file imports back unchanged.
 */
import type { Writable } from 'node:stream';
import {
  ASSISTANCE_MEASURES,
  HOUSEHOLD_SHEET,
  HOUSEHOLD_SHEET_COLUMNS,
  HOUSEHOLD_TAGS,
  type HouseholdListQuery,
  MEMBER_SHEET,
  MEMBER_SHEET_COLUMNS,
  maskIdNumber,
  perCapitaIncome,
  type SheetColumn,
  writeCell,
} from '@fupin/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Worksheet } from 'exceljs';
import type { Db } from '../../db/client';
import { households, members, pairings, units, users } from '../../db/schema/index';
import ExcelJS from '../../io/excel/exceljs';
import type { Scope } from '../auth/repository';
import { listConditions, tagsOf } from './repository';

const BATCH = 1000;
const village = alias(units, 'village');
const group = alias(units, 'grp');

export interface ExportRequest {
  scope: Scope;
  userId: string;
  query: Omit<HouseholdListQuery, 'limit' | 'offset'>;
  /** whether a row's ID numbers show in full */
  showIds: (row: { townshipId: string; villageId: string; pairedWithMe: unknown }) => boolean;
  fullIdSearch: boolean;
}

async function orderedIds(db: Db, r: ExportRequest) {
  return db
    .select({ id: households.id, townshipId: households.townshipId })
    .from(households)
    .innerJoin(village, eq(village.id, households.villageId))
    .leftJoin(group, eq(group.id, households.groupId))
    .where(and(...listConditions(r.scope, r.userId, r.query, r.fullIdSearch)))
    .orderBy(
      asc(village.sortOrder),
      asc(village.name),
      asc(group.sortOrder),
      asc(households.householdNumber),
      asc(households.id),
    );
}

async function batchOf(db: Db, townshipIds: string[], ids: string[], userId: string) {
  return db
    .select({
      h: households,
      villageName: village.name,
      groupName: group.name,
      pairedWithMe: sql<boolean>`exists (select 1 from ${pairings} p where p.township_id = ${households.townshipId} and p.household_id = ${households.id} and p.cadre_id = ${userId})`,
      cadres: sql<
        string[]
      >`array(select u.display_name from ${pairings} p join ${users} u on u.id = p.cadre_id where p.township_id = ${households.townshipId} and p.household_id = ${households.id} order by p.since)`,
    })
    .from(households)
    .innerJoin(village, eq(village.id, households.villageId))
    .leftJoin(group, eq(group.id, households.groupId))
    .where(and(inArray(households.townshipId, townshipIds), inArray(households.id, ids)));
}

/** The next batch of ids and the townships they are in (every query names its townships). */
function sliceOf(ids: { id: string; townshipId: string }[], from: number) {
  const part = ids.slice(from, from + BATCH);
  return { ids: part.map((x) => x.id), townships: [...new Set(part.map((x) => x.townshipId))] };
}

function header(ws: Worksheet, columns: readonly SheetColumn[]) {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
}

async function tagLabeller(db: Db, townshipIds: string[]) {
  const labels = new Map<string, string>(HOUSEHOLD_TAGS.codes.map((c) => [c, HOUSEHOLD_TAGS.labels[c].zh]));
  for (const t of new Set(townshipIds)) for (const tag of await tagsOf(db, t)) labels.set(tag.code, tag.labelZh);
  return (code: string) => labels.get(code) ?? code;
}

/** The registry in the template's two sheets. */
export async function exportRegistry(db: Db, r: ExportRequest, out: Writable): Promise<void> {
  const ids = await orderedIds(db, r);
  const tagLabel = await tagLabeller(
    db,
    ids.map((x) => x.townshipId),
  );
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const hs = wb.addWorksheet(HOUSEHOLD_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(hs, HOUSEHOLD_SHEET_COLUMNS);
  for (let i = 0; i < ids.length; i += BATCH) {
    const { ids: slice, townships } = sliceOf(ids, i);
    const byId = new Map((await batchOf(db, townships, slice, r.userId)).map((row) => [row.h.id, row]));
    for (const id of slice) {
      const row = byId.get(id);
      if (!row) continue;
      const values: Record<string, unknown> = { ...row.h, village: row.villageName, group: row.groupName };
      hs.addRow(HOUSEHOLD_SHEET_COLUMNS.map((c) => writeCell(c, values[c.key], tagLabel))).commit();
    }
  }
  hs.commit();
  const ms = wb.addWorksheet(MEMBER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(ms, MEMBER_SHEET_COLUMNS);
  ms.getColumn(3).numFmt = '@';
  for (let i = 0; i < ids.length; i += BATCH) {
    const { ids: slice, townships } = sliceOf(ids, i);
    const heads = new Map((await batchOf(db, townships, slice, r.userId)).map((row) => [row.h.id, row]));
    const rows = await db
      .select()
      .from(members)
      .where(and(inArray(members.townshipId, townships), inArray(members.householdId, slice)))
      .orderBy(asc(members.householdId), asc(members.sortOrder));
    const byHousehold = new Map<string, (typeof rows)[number][]>();
    for (const m of rows) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
    for (const id of slice) {
      const h = heads.get(id);
      if (!h) continue;
      const show = r.showIds({ townshipId: h.h.townshipId, villageId: h.h.villageId, pairedWithMe: h.pairedWithMe });
      for (const m of byHousehold.get(id) ?? []) {
        const values: Record<string, unknown> = {
          ...m,
          householdNumber: h.h.householdNumber,
          idNumber: show ? m.idNumber : maskIdNumber(m.idNumber),
        };
        ms.addRow(MEMBER_SHEET_COLUMNS.map((c) => writeCell(c, values[c.key]))).commit();
      }
    }
  }
  ms.commit();
  await wb.commit();
}

/**
 * The households not yet out of poverty with their assistance plans (因户施策), as a
 * government table: a title, the unit and the date, then one row per household.
 */
export async function exportNotOut(
  db: Db,
  r: ExportRequest,
  out: Writable,
  meta: { title: string; unitName: string; date: string },
): Promise<void> {
  const ids = await orderedIds(db, { ...r, query: { ...r.query, povertyStatus: 'not_out' } });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('未脱贫户帮扶计划');
  const headers = [
    '序号',
    '村',
    '村民小组',
    '户编号',
    '户主姓名',
    '身份证号',
    '在户人数',
    '人均纯收入（元）',
    '帮扶干部',
    '帮扶措施',
    '产业项目',
    '致贫风险说明',
  ];
  const widths = [6, 10, 8, 22, 10, 21, 8, 14, 16, 28, 16, 24];
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const title = ws.getRow(1);
  title.getCell(1).value = meta.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center' };
  title.height = 28;
  title.commit();
  const sub = ws.getRow(2);
  sub.getCell(1).value = `填报单位：${meta.unitName}`;
  sub.getCell(9).value = `导出日期：${meta.date}`;
  sub.commit();
  const head = ws.getRow(3);
  head.values = headers;
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const { ids: slice, townships } = sliceOf(ids, i);
    const byId = new Map((await batchOf(db, townships, slice, r.userId)).map((row) => [row.h.id, row]));
    const current = await db
      .select({
        householdId: members.householdId,
        n: sql<number>`count(*)::int`,
        headId: sql<string | null>`max(case when ${members.relation} = 'head' then ${members.idNumber} end)`,
      })
      .from(members)
      .where(and(inArray(members.townshipId, townships), inArray(members.householdId, slice), eq(members.status, 'current')))
      .groupBy(members.householdId);
    const counts = new Map(current.map((c) => [c.householdId, c]));
    for (const id of slice) {
      const row = byId.get(id);
      if (!row) continue;
      const c = counts.get(id);
      const show = r.showIds({ townshipId: row.h.townshipId, villageId: row.h.villageId, pairedWithMe: row.pairedWithMe });
      const headId = c?.headId ?? null;
      ws.addRow([
        ++n,
        row.villageName,
        row.groupName,
        row.h.householdNumber,
        row.h.headName,
        show ? headId : maskIdNumber(headId),
        c?.n ?? 0,
        perCapitaIncome(row.h, c?.n ?? 0),
        row.cadres.join('、'),
        row.h.assistanceMeasures
          .map((m) => ASSISTANCE_MEASURES.labels[m as keyof typeof ASSISTANCE_MEASURES.labels]?.zh ?? m)
          .join('、'),
        row.h.industryProjects.join('、'),
        row.h.riskNote,
      ]).commit();
    }
  }
  ws.addRow([]).commit();
  ws.addRow(['', '填表人：', '', '', '审核人：', '', '', '', '单位负责人（签字）：']).commit();
  ws.commit();
  await wb.commit();
}
