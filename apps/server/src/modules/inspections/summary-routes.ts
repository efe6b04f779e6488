/** The village inspection summaries (附件5): read live, submitted (locked), reopened, rolled up, exported. */
import {
  DomainError,
  type InspectionSummary,
  isPastDeadline,
  PROBLEM_CATEGORIES,
  phaseOf,
  shanghaiDate,
  term,
} from '@fupin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { units } from '../../db/schema/index';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import type { UnitSource } from '../../plugins/access';
import { type CampaignRow, getCampaign, phasesOf, townshipOfCampaign } from '../campaigns/repository';
import { getUnit } from '../org/repository';
import { reopenSummary, submitSummary } from '../visits/commands/summary';
import { storedSummary } from '../visits/summary';
import { computeInspectionSummary } from './summary';

const summaryQuery = z.object({ campaignId: z.uuid(), villageId: z.uuid() });
const campaignUnit: UnitSource = {
  resolve: (req, db) => townshipOfCampaign(db, (req.query as { campaignId: string }).campaignId),
  entity: 'campaign',
};

/** A village's own table, or the township's roll-up when no village is named. */
const villageOrCampaign: UnitSource = {
  resolve: async (req, db) => {
    const { villageId, campaignId } = req.query as { villageId?: string; campaignId: string };
    return villageId ? [villageId] : townshipOfCampaign(db, campaignId);
  },
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

const HEADERS = [
  '村',
  '场所数',
  '已查场所',
  '未查场所',
  '检查项',
  '不达标项',
  '发现问题',
  ...PROBLEM_CATEGORIES.codes.map((c) => PROBLEM_CATEGORIES.labels[c].zh),
  '已整改销号',
  '整改中',
  '上报镇级',
  '交叉检查新发现',
  '复核重开',
];
const GROUPS: [string, number][] = [
  ['', 7],
  ['问题类别', PROBLEM_CATEGORIES.codes.length],
  ['', 5],
];

function summaryRow(name: string, s: InspectionSummary): (string | number)[] {
  return [
    name,
    s.sites,
    s.sitesInspected,
    s.sitesMissing,
    s.itemsChecked,
    s.itemsFailed,
    s.problems,
    ...PROBLEM_CATEGORIES.codes.map((c) => s.problemsByCategory[c] ?? 0),
    s.closed,
    s.inRectification,
    s.escalated,
    s.crosscheckFound,
    s.reopened,
  ];
}

export const inspectionSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function stateOf(campaign: CampaignRow, village: { id: string; name: string }) {
    const stored = await storedSummary(db, campaign.townshipId, campaign.id, village.id, 'inspection');
    const live = await computeInspectionSummary(db, campaign, village.id);
    const deadline = phaseOf(phasesOf(campaign), 'self_inspection').end;
    const status =
      stored?.status === 'submitted'
        ? 'submitted'
        : isPastDeadline(deadline, clock.now())
          ? 'late'
          : live.sitesInspected > 0
            ? 'in_progress'
            : 'not_started';
    return {
      villageId: village.id,
      villageName: village.name,
      status: status as 'not_started' | 'in_progress' | 'submitted' | 'late',
      deadline,
      live,
      submitted: stored?.status === 'submitted' ? stored.data : null,
      submittedAt: stored?.submittedAt?.toISOString() ?? null,
      reopenedAt: stored?.reopenedAt?.toISOString() ?? null,
      reopenReason: stored?.reopenReason ?? null,
    };
  }

  async function village(id: string) {
    const [v] = await db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.id, id));
    if (v?.kind !== 'village') throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
    return v;
  }

  async function villagesOf(townshipId: string) {
    return db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')))
      .orderBy(asc(units.sortOrder), asc(units.name));
  }

  app.get(
    '/api/inspections/summary',
    {
      schema: {
        tags: ['inspections'],
        summary: '村排查汇总（附件5） A village’s inspection summary',
        querystring: summaryQuery,
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'problem.read', unit: { query: 'villageId' } } },
    },
    async (req) => stateOf(await getCampaign(db, req.query.campaignId), await village(req.query.villageId)),
  );

  app.post(
    '/api/inspections/summary/submit',
    {
      schema: {
        tags: ['inspections'],
        summary: '上报排查汇总 The village submits its summary; it is locked',
        body: summaryQuery,
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'summary.submit', unit: { body: 'villageId' } } },
    },
    async (req) => {
      await run(req, submitSummary, { ...req.body, kind: 'inspection' });
      return stateOf(await getCampaign(db, req.body.campaignId), await village(req.body.villageId));
    },
  );

  app.post(
    '/api/inspections/summary/reopen',
    {
      schema: {
        tags: ['inspections'],
        summary: '退回排查汇总 The township office sends a submitted summary back',
        body: summaryQuery.extend({ reason: z.string().trim().min(1).max(300) }),
        response: { 200: stateSchema },
      },
      config: { access: { permission: 'campaign.manage', unit: { body: 'villageId' } } },
    },
    async (req) => {
      await run(req, reopenSummary, { ...req.body, kind: 'inspection' });
      return stateOf(await getCampaign(db, req.body.campaignId), await village(req.body.villageId));
    },
  );

  app.get(
    '/api/inspections/overview',
    {
      schema: {
        tags: ['inspections'],
        summary: '排查进度 Every village’s inspection summary in a campaign',
        querystring: z.object({ campaignId: z.uuid() }),
        response: { 200: z.object({ villages: z.array(stateSchema) }) },
      },
      config: { access: { permission: 'problem.read', unit: campaignUnit } },
    },
    async (req) => {
      const campaign = await getCampaign(db, req.query.campaignId);
      const villages = [];
      for (const v of await villagesOf(campaign.townshipId)) villages.push(await stateOf(campaign, v));
      return { villages };
    },
  );

  app.get(
    '/api/inspections/summary.xlsx',
    {
      schema: {
        tags: ['inspections'],
        summary: '附件5 The inspection summary of a village, or of every village when none is named',
        querystring: z.object({ campaignId: z.uuid(), villageId: z.uuid().optional() }),
      },
      config: { access: { permission: 'problem.read', unit: villageOrCampaign } },
    },
    async (req, reply) => {
      const campaign = await getCampaign(db, req.query.campaignId);
      const t = await getUnit(db, campaign.townshipId);
      const places = req.query.villageId ? [await village(req.query.villageId)] : await villagesOf(campaign.townshipId);
      const states = [];
      for (const v of places) states.push(await stateOf(campaign, v));
      const phase = phaseOf(phasesOf(campaign), 'self_inspection');
      const who = req.query.villageId ? (places[0]?.name ?? '') : t.name;
      const rows = states.map((st) => summaryRow(st.villageName, (st.submitted ?? st.live) as InspectionSummary));
      const totals =
        rows.length > 1
          ? [
              [
                '合计',
                ...(rows[0] as (string | number)[]).slice(1).map((_, i) => rows.reduce((n, r) => n + (r[i + 1] as number), 0)),
              ],
            ]
          : [];
      return sendXlsx(
        reply,
        `${who}大排查汇总表_${shanghaiDate(clock.now())}.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '排查汇总（附件5）',
            title: `${who}脱贫攻坚“大排查”情况汇总表`,
            unit: who,
            period: `${phase.start} 至 ${phase.end}`,
            date: shanghaiDate(clock.now()),
            groups: GROUPS,
            headers: HEADERS,
            widths: HEADERS.map((h) => Math.max(6, h.length * 2 + 2)),
            rows,
            totals,
            signatures: ['填表人：', '村书记（签字）：', '第一书记（签字）：'],
          }),
        'summary.xlsx',
      );
    },
  );
};
