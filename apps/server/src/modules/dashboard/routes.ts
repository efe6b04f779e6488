/**
 * The township dashboard (issue 8): the three actions on one page, every figure with its list.
 *
 * API contract (schemas in packages/domain/src/schemas/dashboard.ts; permission dashboard.read,
 * which the township office, town and sector leaders, the discipline commission and the county
 * roles hold on their subtree, village staff on their own village):
 *
 *   GET /api/dashboard?unitId=<township|village>&campaignId?            → dashboardSchema
 *       unitId a township: every village; a village: that village only (its ranking row only).
 *       campaignId defaults to the township's current campaign (this year's, else the latest).
 *       { unit, township, campaign|null, today,
 *         visits:   { phase|null, totals, byVillage[], byCadre[] }     counts: tasks done late due missing upcoming
 *         summaries:{ visit, inspection (deadline villages submitted submittedLate pending late), byVillage[] }
 *         problems: { totals, byCategory[], byVillage[] }              counts: total open overdue closed
 *         ranking:  { roundId, month, status, publishedOn, rows[] } | null }
 *   GET /api/dashboard/visits?unitId&campaignId?&villageId?&cadreId?&state?&limit=50&offset=0
 *       the tasks behind a visit figure: a byVillage bar → villageId (+state); a byCadre bar → cadreId
 *       (+villageId, +state). → { items: [{ householdId, householdNumber, headName, villageId, villageName,
 *         type, cadres[{userId,name}], state, firstVisitAt, deadline }], total }
 *   GET /api/dashboard/problems?unitId&villageId?(uuid|'none')&category?&state?(open|overdue|closed)&limit&offset
 *       the problems behind a problem figure, soonest deadline first (campaign-independent, as the figures).
 *       → { items: [{ id, villageId, villageName, category, source, description, status, level, deadline,
 *         overdue, daysOverdue, headName, responsibleUnitName, responsibleUserName, createdAt, closedAt }], total }
 *   GET /api/dashboard/summaries?unitId&campaignId?&kind=visit|inspection&state?&limit&offset
 *       → { items: [{ villageId, villageName, kind, state, deadline, submittedAt, submittedByName,
 *         reopenedAt, reopenReason }], total }   state: submitted | submitted_late | pending | late
 *   GET /api/dashboard/county?countyId&year?                             → countyDashboardSchema
 *       county roles only (the county unit is outside every township's grant): per township
 *       { townshipId, townshipName, campaign, visits, summaries, problems, ranking }, and totals.
 *
 * Errors: 400 VALIDATION_FAILED naming unitId / campaignId / villageId / countyId when they name
 * something else (a group, another township's campaign or village); 403 outside one's grants.
 */
import {
  countyDashboardQuery,
  countyDashboardSchema,
  DomainError,
  dashboardProblemsQuery,
  dashboardProblemsSchema,
  dashboardQuery,
  dashboardSchema,
  dashboardSummariesQuery,
  dashboardSummariesSchema,
  dashboardVisitsQuery,
  dashboardVisitsSchema,
  type SummaryState,
} from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { reportDb } from '../../db/read-routing';
import { getUnit } from '../org/repository';
import { campaignWindow, type Place, placeOf, villagesOfPlace } from './context';
import { countyDashboard, ZERO_VISITS } from './county';
import {
  addCounts,
  latestRanking,
  problemCounts,
  problemFigures,
  problemList,
  storedSummaries,
  summaryDeadlineOf,
  summaryState,
} from './queries';
import { type CampaignSpan, cadreVisitCounts, villageVisitCounts, visitTasks } from './visit-queries';

/** A village named in a filter must lie in the place asked about. */
async function checkVillage(db: Db, place: Place, villageId: string | undefined): Promise<void> {
  if (!villageId || villageId === place.villageId) return;
  const v = await getUnit(db, villageId).catch(() => null);
  if (place.villageId || v?.kind !== 'village' || v.townshipId !== place.township.id)
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.invalid_option' }]);
}

function spanOf(place: Place): CampaignSpan | null {
  const window = campaignWindow(place.campaign, 'visit', place.today);
  return place.campaign && window ? { townshipId: place.township.id, campaignId: place.campaign.id, window } : null;
}

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps;
  const access = { permission: 'dashboard.read', unit: { query: 'unitId' } } as const;

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '工作看板 The three actions of a township or a village on one page',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const place = await placeOf(db, req.query.unitId, req.query.campaignId, clock.now());
      const villages = await villagesOfPlace(db, place);
      const span = spanOf(place);
      const [villageCounts, cadreCounts, problems, stored, ranking] = await Promise.all([
        span ? villageVisitCounts(db, span, place.villageId) : [],
        span ? cadreVisitCounts(db, span, place.villageId) : [],
        problemCounts(db, place.township.id, place.villageId, place.today),
        place.campaign
          ? storedSummaries(
              db,
              place.campaign,
              villages.map((v) => v.id),
            )
          : [],
        latestRanking(db, place.township.id, place.villageId),
      ]);
      const c = place.campaign;
      const summaryRows = villages.map((v) => {
        const of = (kind: 'visit' | 'inspection') => stored.find((s) => s.villageId === v.id && s.kind === kind);
        const state = (kind: 'visit' | 'inspection'): SummaryState =>
          c ? summaryState(of(kind), summaryDeadlineOf(c, kind), place.now) : 'pending';
        return {
          villageId: v.id,
          villageName: v.name,
          visit: state('visit'),
          visitSubmittedAt: of('visit')?.status === 'submitted' ? (of('visit')?.submittedAt?.toISOString() ?? null) : null,
          inspection: state('inspection'),
          inspectionSubmittedAt:
            of('inspection')?.status === 'submitted' ? (of('inspection')?.submittedAt?.toISOString() ?? null) : null,
        };
      });
      const summaryCounts = (kind: 'visit' | 'inspection') => {
        const states = summaryRows.map((r) => r[kind]);
        const n = (s: SummaryState) => states.filter((x) => x === s).length;
        return {
          deadline: c ? summaryDeadlineOf(c, kind) : null,
          villages: states.length,
          submitted: n('submitted') + n('submitted_late'),
          submittedLate: n('submitted_late'),
          pending: n('pending'),
          late: n('late'),
        };
      };
      const byVillage = villages.map((v) => ({
        villageId: v.id,
        villageName: v.name,
        ...addCounts(
          ZERO_VISITS,
          villageCounts.filter((r) => r.village_id === v.id),
        ),
      }));
      return {
        unit: place.unit,
        township: place.township,
        campaign: c ? { id: c.id, year: c.year, name: c.name } : null,
        today: place.today,
        visits: {
          phase: span ? { start: span.window.start, end: span.window.end } : null,
          totals: addCounts(ZERO_VISITS, byVillage),
          byVillage,
          byCadre: cadreCounts.map((r) => ({
            userId: r.user_id,
            name: r.name,
            villageId: r.village_id,
            villageName: r.village_name,
            tasks: r.tasks,
            done: r.done,
            late: r.late,
            due: r.due,
            missing: r.missing,
            upcoming: r.upcoming,
          })),
        },
        summaries: { visit: summaryCounts('visit'), inspection: summaryCounts('inspection'), byVillage: summaryRows },
        problems: problemFigures(problems, villages),
        ranking,
      };
    },
  );

  app.get(
    '/api/dashboard/visits',
    {
      schema: {
        tags: ['dashboard'],
        summary: '走访任务明细 The visit tasks behind a dashboard figure',
        querystring: dashboardVisitsQuery,
        response: { 200: dashboardVisitsSchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const { unitId, campaignId, limit, offset, ...f } = req.query;
      const place = await placeOf(db, unitId, campaignId, clock.now());
      await checkVillage(db, place, f.villageId);
      const span = spanOf(place);
      if (!span) return { items: [], total: 0 };
      const { rows, total } = await visitTasks(
        db,
        span,
        { villageId: f.villageId ?? place.villageId, cadreId: f.cadreId, state: f.state },
        { limit, offset },
      );
      return {
        total,
        items: rows.map((r) => ({
          householdId: r.household_id,
          householdNumber: r.household_number,
          headName: r.head_name,
          villageId: r.village_id,
          villageName: r.village_name,
          type: r.type,
          cadres: typeof r.cadres === 'string' ? JSON.parse(r.cadres) : r.cadres,
          state: r.state,
          firstVisitAt: r.first_at ? new Date(r.first_at).toISOString() : null,
          deadline: span.window.end,
        })),
      };
    },
  );

  app.get(
    '/api/dashboard/problems',
    {
      schema: {
        tags: ['dashboard'],
        summary: '问题明细 The problems behind a dashboard figure',
        querystring: dashboardProblemsQuery,
        response: { 200: dashboardProblemsSchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const { unitId, campaignId, limit, offset, ...f } = req.query;
      const place = await placeOf(db, unitId, campaignId, clock.now());
      if (f.villageId !== 'none') await checkVillage(db, place, f.villageId);
      return problemList(db, place.township.id, place.villageId, f, { limit, offset }, place.today);
    },
  );

  app.get(
    '/api/dashboard/summaries',
    {
      schema: {
        tags: ['dashboard'],
        summary: '汇总上报明细 The villages behind a summary figure',
        querystring: dashboardSummariesQuery,
        response: { 200: dashboardSummariesSchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const { unitId, campaignId, limit, offset, kind, state } = req.query;
      const place = await placeOf(db, unitId, campaignId, clock.now());
      const c = place.campaign;
      if (!c) return { items: [], total: 0 };
      const villages = await villagesOfPlace(db, place);
      const stored = await storedSummaries(
        db,
        c,
        villages.map((v) => v.id),
      );
      const deadline = summaryDeadlineOf(c, kind);
      const rows = villages
        .map((v) => {
          const s = stored.find((x) => x.villageId === v.id && x.kind === kind);
          return {
            villageId: v.id,
            villageName: v.name,
            kind,
            state: summaryState(s, deadline, place.now),
            deadline,
            submittedAt: s?.status === 'submitted' ? (s.submittedAt?.toISOString() ?? null) : null,
            submittedByName: s?.status === 'submitted' ? s.submittedByName : null,
            reopenedAt: s?.reopenedAt?.toISOString() ?? null,
            reopenReason: s?.reopenReason ?? null,
          };
        })
        .filter((r) => !state || r.state === state);
      return { items: rows.slice(offset, offset + limit), total: rows.length };
    },
  );

  app.get(
    '/api/dashboard/county',
    {
      schema: {
        tags: ['dashboard'],
        summary: '全县看板 Each township of a county side by side, for county roles',
        querystring: countyDashboardQuery,
        response: { 200: countyDashboardSchema },
      },
      config: { access: { permission: 'dashboard.read', unit: { query: 'countyId' } } },
    },
    async (req) => countyDashboard(await reportDb(req), req.query.countyId, req.query.year, clock.now()),
  );
};
