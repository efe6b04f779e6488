/**
 * What the township reads off the ledger: the ledger itself as the government table (附件6), the
 * analysis meeting's village × category matrix, and who holds overdue problems.
 */
import { PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUS_LABELS, shanghaiDate } from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportDb } from '../../db/read-routing';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { loadScope, principalOf, scopeOfRequest } from '../../plugins/access';
import { idVisibility } from '../households/access';
import { getUnit } from '../org/repository';
import { runOverdueCheck } from './overdue';
import { ledgerRows, overdueByResponsible, problemMatrix } from './queries';
import { problemFilter } from './routes';

const townshipQuery = z.object({ townshipId: z.uuid(), campaignId: z.uuid().optional() });

const LEDGER_HEADERS = [
  '序号',
  '村',
  '户主姓名或场所',
  '身份证号',
  '问题来源',
  '问题类别',
  '问题描述',
  '整改措施',
  '责任单位',
  '责任人',
  '整改时限',
  '整改状态',
  '销号日期',
];
const LEDGER_WIDTHS = [6, 10, 14, 20, 12, 10, 40, 30, 14, 10, 12, 10, 12];

const matrixCell = z.object({
  villageId: z.uuid().nullable(),
  category: z.string(),
  open: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
});

export const problemReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;

  app.get(
    '/api/problems/ledger.xlsx',
    {
      schema: {
        tags: ['problems'],
        summary: '附件6 问题台账 The listed problems as the township files its ledger',
        querystring: problemFilter,
      },
      config: { access: { permission: 'problem.read', unit: 'scoped' } },
    },
    async (req, reply) => {
      const db = await reportDb(req);
      const me = principalOf(req);
      const scope = scopeOfRequest(req);
      const rows = await ledgerRows(db, scope, me.userId, req.query, clock.now());
      // A cadre's list holds only their paired households, so "paired with me" holds for every row.
      // Grants are policy: read on the primary, so a revoked one counts at once, whatever the lag.
      const mayReadId = idVisibility(await loadScope(database.db, me.grants, 'household.read_id'));
      const today = shanghaiDate(clock.now());
      const where = scope.townships.length === 1 ? (await getUnit(db, scope.townships[0] as string)).name : '';
      return sendXlsx(
        reply,
        `${where}问题台账_${today}.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '问题台账（附件6）',
            title: `${where}脱贫攻坚“大排查”反馈问题台账`,
            unit: where,
            period: req.query.campaignId ? '本年度行动' : '全部',
            date: today,
            headers: LEDGER_HEADERS,
            widths: LEDGER_WIDTHS,
            rows: rows.map((r, i) => {
              const p = r.problem;
              const showId = mayReadId({ townshipId: p.townshipId, villageId: p.villageId ?? '', pairedWithMe: true });
              const id = r.headIdNumber
                ? showId
                  ? r.headIdNumber
                  : `${r.headIdNumber.slice(0, 6)}********${r.headIdNumber.slice(-4)}`
                : '';
              return [
                i + 1,
                r.villageName ?? '镇级',
                r.headName ?? r.siteName ?? '',
                id,
                PROBLEM_SOURCES.labels[p.source as keyof typeof PROBLEM_SOURCES.labels]?.zh ?? p.source,
                PROBLEM_CATEGORIES.labels[p.category as keyof typeof PROBLEM_CATEGORIES.labels]?.zh ?? p.category,
                p.description,
                p.measures ?? '',
                r.responsibleUnitName ?? '',
                r.responsibleUserName ?? '',
                p.deadline ?? '',
                `${PROBLEM_STATUS_LABELS[p.status].zh}${p.overdue ? '（逾期）' : ''}`,
                p.closedAt ? shanghaiDate(new Date(p.closedAt)) : '',
              ];
            }),
            signatures: ['填表人：', '审核人：', '分管领导（签字）：'],
          }),
        'ledger.xlsx',
      );
    },
  );

  app.get(
    '/api/problems/matrix',
    {
      schema: {
        tags: ['problems'],
        summary: '研判会 Problems by village and category: open, closed, overdue',
        querystring: townshipQuery,
        response: {
          200: z.object({
            villages: z.array(z.object({ id: z.uuid(), name: z.string() })),
            categories: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
            cells: z.array(matrixCell),
          }),
        },
      },
      config: { access: { permission: 'problem.read', unit: { query: 'townshipId' } } },
    },
    async (req) => {
      const db = await reportDb(req);
      const m = await problemMatrix(db, req.query.townshipId, req.query.campaignId ?? null, clock.now());
      return { ...m, categories: PROBLEM_CATEGORIES.codes.map((code) => ({ code, ...PROBLEM_CATEGORIES.labels[code] })) };
    },
  );

  app.get(
    '/api/problems/matrix.xlsx',
    {
      schema: { tags: ['problems'], summary: '研判会 The matrix as a table for the meeting pack', querystring: townshipQuery },
      config: { access: { permission: 'problem.read', unit: { query: 'townshipId' } } },
    },
    async (req, reply) => {
      const db = await reportDb(req);
      const township = await getUnit(db, req.query.townshipId);
      const m = await problemMatrix(db, township.id, req.query.campaignId ?? null, clock.now());
      const today = shanghaiDate(clock.now());
      const places = [...m.villages, { id: null, name: '镇级' }];
      const rows = places.map((v) => {
        const cells = m.cells.filter((c) => c.villageId === v.id);
        const sum = (k: 'open' | 'closed' | 'overdue') => cells.reduce((n, c) => n + c[k], 0);
        return [
          v.name,
          sum('open') + sum('closed'),
          sum('closed'),
          sum('open'),
          sum('overdue'),
          ...PROBLEM_CATEGORIES.codes.map((code) =>
            cells.filter((c) => c.category === code).reduce((n, c) => n + c.open + c.closed, 0),
          ),
        ];
      });
      const totals = [['合计', ...rows[0]!.slice(1).map((_, i) => rows.reduce((n, r) => n + (r[i + 1] as number), 0))]];
      const headers = [
        '村',
        '问题总数',
        '已销号',
        '未销号',
        '逾期',
        ...PROBLEM_CATEGORIES.codes.map((c) => PROBLEM_CATEGORIES.labels[c].zh),
      ];
      return sendXlsx(
        reply,
        `${township.name}问题分析研判表_${today}.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '问题分析研判',
            title: `${township.name}脱贫攻坚问题分析研判表`,
            unit: township.name,
            period: today,
            date: today,
            groups: [
              ['', 5],
              ['按问题类别', PROBLEM_CATEGORIES.codes.length],
            ],
            headers,
            widths: headers.map((h) => Math.max(7, h.length * 2 + 2)),
            rows,
            totals,
          }),
        'matrix.xlsx',
      );
    },
  );

  app.get(
    '/api/problems/overdue',
    {
      schema: {
        tags: ['problems'],
        summary: '逾期问题 Who and which unit holds overdue problems',
        querystring: z.object({ townshipId: z.uuid() }),
        response: {
          200: z.object({
            byPerson: z.array(
              z.object({
                userId: z.uuid().nullable(),
                name: z.string().nullable(),
                overdue: z.number().int(),
                oldestDeadline: z.string(),
              }),
            ),
            byUnit: z.array(
              z.object({
                unitId: z.uuid().nullable(),
                name: z.string().nullable(),
                overdue: z.number().int(),
                escalated: z.number().int(),
                oldestDeadline: z.string(),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'problem.read', unit: { query: 'townshipId' } } },
    },
    async (req) => overdueByResponsible(await reportDb(req), req.query.townshipId, clock.now()),
  );

  app.post(
    '/api/problems/overdue-check',
    {
      schema: {
        tags: ['problems'],
        summary:
          '立即检查逾期 Mark overdue problems and orders and escalate the villages’ late ones now, not at the next hourly run',
        body: z.object({ townshipId: z.uuid() }),
        response: {
          200: z.object({ escalated: z.number().int(), markedProblems: z.number().int(), markedOrders: z.number().int() }),
        },
      },
      config: { access: { permission: 'problem.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => runOverdueCheck(database, clock, req.body.townshipId),
  );
};
