import { DomainError, HOUSEHOLD_TYPES, PROBLEM_CATEGORIES, phaseOf, shanghaiDate, term, type VisitSummary } from '@fupin/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { selectRows } from '../../db/client';
import { units } from '../../db/schema/index';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import type { UnitSource } from '../../plugins/access';
import { type CampaignRow, getCampaign, phasesOf, townshipOfCampaign } from '../campaigns/repository';
import { reopenSummary, submitSummary } from './commands/summary';
import { computeSummary, storedSummary, summaryDeadline, summaryStatus } from './summary';

const summaryBody = z.object({ campaignId: z.uuid(), villageId: z.uuid() });
const villageOfBody: UnitSource = { body: 'villageId' };
const campaignUnit: UnitSource = {
  resolve: (req, db) => townshipOfCampaign(db, (req.query as { campaignId: string }).campaignId),
  entity: 'campaign',
};

const stateSchema = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  status: z.enum(['not_started', 'in_progress', 'submitted', 'late']),
  deadline: z.string(),
  live: z.unknown(),
  submitted: z.unknown().nullable(),
  submittedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

/** The 附件3 columns of one summary. */
function summaryRow(name: string, s: VisitSummary): (string | number)[] {
  return [
    name,
    s.inScope,
    s.visited,
    ...HOUSEHOLD_TYPES.flatMap((t) => [s.byType[t].inScope, s.byType[t].visited]),
    s.membersConfirmed,
    s.problems,
    ...PROBLEM_CATEGORIES.codes.map((c) => s.problemsByCategory[c] ?? 0),
    s.solvedOnSite,
    s.escalated,
    s.newMarginal,
    s.newKey,
    s.discrepancies,
    `${(s.coverage * 100).toFixed(1)}%`,
  ];
}

const HEADERS = [
  '村',
  '应访户数',
  '已访户数',
  ...HOUSEHOLD_TYPES.flatMap(() => ['应访', '已访']),
  '确认人口',
  '问题合计',
  ...PROBLEM_CATEGORIES.codes.map((c) => PROBLEM_CATEGORIES.labels[c].zh),
  '现场解决',
  '上报镇级',
  '新识别边缘户',
  '新识别重点户',
  '台账不一致',
  '走访覆盖率',
];
const GROUPS: [string, number][] = [
  ['', 3],
  ['建档立卡未脱贫户', 2],
  ['建档立卡已脱贫户', 2],
  ['边缘户', 2],
  ['重点户', 2],
  ['', 2],
  ['发现问题（按类别）', PROBLEM_CATEGORIES.codes.length],
  ['', 6],
];

function addSummaries(list: VisitSummary[]): VisitSummary {
  const total = structuredClone(list[0]) as VisitSummary;
  for (const s of list.slice(1)) {
    for (const t of HOUSEHOLD_TYPES) {
      total.byType[t].inScope += s.byType[t].inScope;
      total.byType[t].visited += s.byType[t].visited;
    }
    total.inScope += s.inScope;
    total.visited += s.visited;
    total.membersConfirmed += s.membersConfirmed;
    total.problems += s.problems;
    total.solvedOnSite += s.solvedOnSite;
    total.escalated += s.escalated;
    total.newMarginal += s.newMarginal;
    total.newKey += s.newKey;
    total.discrepancies += s.discrepancies;
    for (const c of PROBLEM_CATEGORIES.codes)
      if (s.problemsByCategory[c])
        total.problemsByCategory[c] = (total.problemsByCategory[c] ?? 0) + (s.problemsByCategory[c] ?? 0);
  }
  total.coverage = total.inScope === 0 ? 1 : total.visited / total.inScope;
  return total;
}

export const summaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function stateOf(campaign: CampaignRow, village: { id: string; name: string }) {
    const stored = await storedSummary(db, campaign.townshipId, campaign.id, village.id);
    const live = await computeSummary(db, campaign, village.id);
    const deadline = summaryDeadline(campaign);
    return {
      villageId: village.id,
      villageName: village.name,
      status: summaryStatus(stored, live, deadline, clock.now()),
      deadline,
      live,
      submitted: stored?.status === 'submitted' ? stored.data : null,
      submittedAt: stored?.submittedAt?.toISOString() ?? null,
      reopenedAt: stored?.reopenedAt?.toISOString() ?? null,
      reopenReason: stored?.reopenReason ?? null,
    };
  }

  async function villagesOf(townshipId: string) {
    return db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')))
      .orderBy(asc(units.sortOrder), asc(units.name));
  }

  async function village(id: string) {
    const [v] = await db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.id, id));
    if (v?.kind !== 'village') throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
    return v;
  }

  app.get(
    '/api/visits/summary',
    {
      schema: {
        tags: ['visits'],
        summary: '村走访汇总 A village’s visit summary (附件3): live, and as submitted',
        querystring: summaryBody,
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'visit.read', unit: { query: 'villageId' } } },
    },
    async (req) => stateOf(await getCampaign(db, req.query.campaignId), await village(req.query.villageId)),
  );

  app.post(
    '/api/visits/summary/submit',
    {
      schema: {
        tags: ['visits'],
        summary: '上报汇总 The village submits its summary; it is locked',
        body: summaryBody,
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'summary.submit', unit: villageOfBody } },
    },
    async (req) => {
      await run(req, submitSummary, req.body);
      return stateOf(await getCampaign(db, req.body.campaignId), await village(req.body.villageId));
    },
  );

  app.post(
    '/api/visits/summary/reopen',
    {
      schema: {
        tags: ['visits'],
        summary: '退回汇总 The township office sends a submitted summary back',
        body: summaryBody.extend({ reason: z.string().trim().min(1).max(300) }),
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'campaign.manage', unit: villageOfBody } },
    },
    async (req) => {
      await run(req, reopenSummary, req.body);
      return stateOf(await getCampaign(db, req.body.campaignId), await village(req.body.villageId));
    },
  );

  app.get(
    '/api/visits/overview',
    {
      schema: {
        tags: ['visits'],
        summary: '走访进度 Every village’s summary state and every cadre’s progress in a campaign',
        querystring: z.object({ campaignId: z.uuid() }),
        response: {
          200: z.object({
            villages: z.array(stateSchema),
            cadres: z.array(
              z.object({
                userId: z.uuid(),
                name: z.string(),
                paired: z.number().int(),
                visited: z.number().int(),
                late: z.number().int(),
                missing: z.number().int(),
              }),
            ),
            total: z.unknown(),
            visitPhase: z.object({ start: z.string(), end: z.string() }),
          }),
        },
      },
      config: { access: { permission: 'visit.read', unit: campaignUnit } },
    },
    async (req) => {
      const campaign = await getCampaign(db, req.query.campaignId);
      const villages = [];
      for (const v of await villagesOf(campaign.townshipId)) villages.push(await stateOf(campaign, v));
      const phase = phaseOf(phasesOf(campaign), 'visit');
      const endInstant = new Date(Date.parse(`${phase.end}T16:00:00Z`));
      const passed = shanghaiDate(clock.now()) > phase.end;
      const cadres = await selectRows<{ user_id: string; name: string; paired: number; visited: number; late: number }>(
        db,
        sql`select u.id as user_id, u.display_name as name, count(*)::int as paired,
              count(v.first_at)::int as visited, count(*) filter (where v.first_at >= ${endInstant})::int as late
            from pairings p join users u on u.id = p.cadre_id
            left join lateral (select min(x.visited_at) as first_at from visits x
                               where x.township_id = p.township_id and x.campaign_id = ${campaign.id} and x.household_id = p.household_id and x.visitor_id = p.cadre_id) v on true
            where p.township_id = ${campaign.townshipId}
            group by u.id, u.display_name order by u.display_name`,
      );
      return {
        villages,
        cadres: cadres.map((c) => ({
          userId: c.user_id,
          name: c.name,
          paired: c.paired,
          visited: c.visited,
          late: c.late,
          missing: passed ? c.paired - c.visited : 0,
        })),
        total: villages.length ? addSummaries(villages.map((v) => v.live)) : null,
        visitPhase: { start: phase.start, end: phase.end },
      };
    },
  );

  app.get(
    '/api/visits/summary.xlsx',
    {
      schema: { tags: ['visits'], summary: '附件3 A village’s visit summary as a government table', querystring: summaryBody },
      config: { access: { permission: 'visit.read', unit: { query: 'villageId' } } },
    },
    async (req, reply) => {
      const campaign = await getCampaign(db, req.query.campaignId);
      const v = await village(req.query.villageId);
      const state = await stateOf(campaign, v);
      const s = (state.submitted ?? state.live) as VisitSummary;
      const phase = phaseOf(phasesOf(campaign), 'visit');
      return sendXlsx(reply, `${v.name}大走访汇总表_${shanghaiDate(clock.now())}.xlsx`, (out) =>
        writeGovernmentTable(out, {
          sheetName: '走访汇总（附件3）',
          title: `${v.name}脱贫攻坚“大走访”情况汇总表`,
          unit: v.name,
          period: `${phase.start} 至 ${phase.end}`,
          date: shanghaiDate(clock.now()),
          groups: GROUPS,
          headers: HEADERS,
          widths: HEADERS.map((h) => Math.max(6, h.length * 2 + 2)),
          rows: [summaryRow(v.name, s)],
          signatures: ['填表人：', '村书记（签字）：', '第一书记（签字）：'],
        }),
      );
    },
  );

  app.get(
    '/api/visits/overview.xlsx',
    {
      schema: {
        tags: ['visits'],
        summary: '全镇汇总 The township roll-up of every village’s summary',
        querystring: z.object({ campaignId: z.uuid() }),
      },
      config: { access: { permission: 'visit.read', unit: campaignUnit } },
    },
    async (req, reply) => {
      const campaign = await getCampaign(db, req.query.campaignId);
      const [township] = await db.select({ name: units.name }).from(units).where(eq(units.id, campaign.townshipId));
      const states: Awaited<ReturnType<typeof stateOf>>[] = [];
      for (const v of await villagesOf(campaign.townshipId)) states.push(await stateOf(campaign, v));
      const summaries = states.map((st) => (st.submitted ?? st.live) as VisitSummary);
      const phase = phaseOf(phasesOf(campaign), 'visit');
      return sendXlsx(reply, `${township?.name ?? ''}大走访汇总表_${shanghaiDate(clock.now())}.xlsx`, (out) =>
        writeGovernmentTable(out, {
          sheetName: '全镇走访汇总',
          title: `${township?.name ?? ''}脱贫攻坚“大走访”情况汇总表`,
          unit: `${township?.name ?? ''}扶贫工作站`,
          period: `${phase.start} 至 ${phase.end}`,
          date: shanghaiDate(clock.now()),
          groups: GROUPS,
          headers: [...HEADERS, '汇总状态'],
          widths: [...HEADERS.map((h) => Math.max(6, h.length * 2 + 2)), 10],
          rows: states.map((st, i) => [
            ...summaryRow(st.villageName, summaries[i] as VisitSummary),
            { not_started: '未开始', in_progress: '进行中', submitted: '已上报', late: '逾期未报' }[st.status],
          ]),
          totals: summaries.length ? [[...summaryRow('合计', addSummaries(summaries)), '']] : [],
          signatures: ['填表人：', '审核人：', '镇扶贫办负责人（签字）：'],
        }),
      );
    },
  );
};
