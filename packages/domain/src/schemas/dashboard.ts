/**
 * The township dashboard and the county view (issue 8): query and response schemas shared by the
 * API and the web. Every figure has a list endpoint taking the same filters, so a chart bar links
 * to the rows behind it. Response schemas carry no transforms (the serializer needs plain shapes).
 *
 * Routes (permission dashboard.read; contract in apps/server/src/modules/dashboard/routes.ts):
 *   GET /api/dashboard?unitId&campaignId?                       → dashboardSchema
 *   GET /api/dashboard/visits?unitId&campaignId?&villageId?&cadreId?&state?&limit&offset → dashboardVisitsSchema
 *   GET /api/dashboard/problems?unitId&villageId?&category?&state?&limit&offset          → dashboardProblemsSchema
 *   GET /api/dashboard/summaries?unitId&campaignId?&kind&state?&limit&offset             → dashboardSummariesSchema
 *   GET /api/dashboard/county?countyId&year?                    → countyDashboardSchema (county roles)
 *
 * Definitions the figures use (the API's contract):
 * - a visit task of a village is a household in scope of the big visit (registered not yet out,
 *   exited, marginal or key, as 附件3 counts them), its state from the first visit by anyone;
 *   a cadre's task is a household paired with the cadre, its state from the cadre's own first visit.
 * - task states against the visit phase (Shanghai dates, the end day still on time):
 *   done (visited by the end day), late (visited after it), due (not yet visited, phase open),
 *   missing (not visited, end day passed), upcoming (phase not begun).
 * - problems: open = not closed (submitted counts as open), overdue = not closed or submitted
 *   and the deadline date before today, closed = verified and closed (销号). Problems are the whole
 *   ledger of the unit, not one campaign's (the ledger runs on across campaigns).
 */
import { z } from 'zod';
import { PROBLEM_STATUSES } from '../problems/lifecycle';
import { HOUSEHOLD_TYPES } from '../visits/summary';
import { PROBLEM_CATEGORIES } from '../visits/vocabularies';
import { pageQuery } from './common';

export const VISIT_TASK_STATES = ['done', 'late', 'due', 'missing', 'upcoming'] as const;
export type VisitTaskState = (typeof VISIT_TASK_STATES)[number];

export const PROBLEM_FIGURES = ['open', 'overdue', 'closed'] as const;
export type ProblemFigure = (typeof PROBLEM_FIGURES)[number];

/** A village summary's standing: submitted (on time or late), or not yet with time left (pending) or without (late). */
export const SUMMARY_STATES = ['submitted', 'submitted_late', 'pending', 'late'] as const;
export type SummaryState = (typeof SUMMARY_STATES)[number];

export const SUMMARY_KINDS = ['visit', 'inspection'] as const;

/** The unit the dashboard is for: a township, or a village (village staff see only their own). */
export const dashboardQuery = z.object({
  unitId: z.uuid(),
  /** the township's current campaign when absent */
  campaignId: z.uuid().optional(),
});

export const visitCounts = z.object({
  tasks: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  due: z.number().int(),
  missing: z.number().int(),
  upcoming: z.number().int(),
});
export type VisitCounts = z.infer<typeof visitCounts>;

export const problemCounts = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  closed: z.number().int(),
});
export type ProblemCounts = z.infer<typeof problemCounts>;

const summaryCounts = z.object({
  deadline: z.string().nullable(),
  villages: z.number().int(),
  submitted: z.number().int(),
  submittedLate: z.number().int(),
  pending: z.number().int(),
  late: z.number().int(),
});

const campaignRef = z.object({ id: z.uuid(), year: z.number().int(), name: z.string() });

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  villageId: z.uuid(),
  villageName: z.string(),
  total: z.number(),
  moneyFen: z.number().int(),
});

export const dashboardSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['township', 'village']) }),
  township: z.object({ id: z.uuid(), name: z.string() }),
  campaign: campaignRef.nullable(),
  /** Shanghai calendar date the figures were computed for */
  today: z.string(),
  visits: z.object({
    phase: z.object({ start: z.string(), end: z.string() }).nullable(),
    totals: visitCounts,
    byVillage: z.array(visitCounts.extend({ villageId: z.uuid(), villageName: z.string() })),
    /** a cadre paired in two villages appears once for each */
    byCadre: z.array(visitCounts.extend({ userId: z.uuid(), name: z.string(), villageId: z.uuid(), villageName: z.string() })),
  }),
  summaries: z.object({
    visit: summaryCounts,
    inspection: summaryCounts,
    byVillage: z.array(
      z.object({
        villageId: z.uuid(),
        villageName: z.string(),
        visit: z.enum(SUMMARY_STATES),
        visitSubmittedAt: z.string().nullable(),
        inspection: z.enum(SUMMARY_STATES),
        inspectionSubmittedAt: z.string().nullable(),
      }),
    ),
  }),
  problems: z.object({
    totals: problemCounts,
    byCategory: z.array(problemCounts.extend({ category: z.enum(PROBLEM_CATEGORIES.codes) })),
    /** villageId null: township-level problems of no village */
    byVillage: z.array(problemCounts.extend({ villageId: z.uuid().nullable(), villageName: z.string() })),
  }),
  /** the latest published (or final) round; a village's dashboard shows its own row only */
  ranking: z
    .object({
      roundId: z.uuid(),
      month: z.string(),
      status: z.enum(['published', 'final']),
      publishedOn: z.string().nullable(),
      rows: z.array(rankingRowSchema),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** GET /api/dashboard/visits: the tasks behind a visit figure. */
export const dashboardVisitsQuery = dashboardQuery.extend({
  villageId: z.uuid().optional(),
  /** a cadre's own paired households instead of the villages' households in scope */
  cadreId: z.uuid().optional(),
  state: z.enum(VISIT_TASK_STATES).optional(),
  ...pageQuery.shape,
});

export const visitTaskSchema = z.object({
  householdId: z.uuid(),
  householdNumber: z.string().nullable(),
  headName: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  type: z.enum(HOUSEHOLD_TYPES).nullable(),
  /** the paired cadres (all of them on a village list; the one asked for on a cadre list) */
  cadres: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  state: z.enum(VISIT_TASK_STATES),
  firstVisitAt: z.string().nullable(),
  deadline: z.string(),
});
export const dashboardVisitsSchema = z.object({ items: z.array(visitTaskSchema), total: z.number().int() });

/** GET /api/dashboard/problems: the problems behind a problem figure. villageId 'none' = township-level problems of no village. */
export const dashboardProblemsQuery = dashboardQuery.extend({
  villageId: z.union([z.uuid(), z.literal('none')]).optional(),
  category: z.enum(PROBLEM_CATEGORIES.codes).optional(),
  state: z.enum(PROBLEM_FIGURES).optional(),
  ...pageQuery.shape,
});

export const dashboardProblemSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid().nullable(),
  villageName: z.string().nullable(),
  category: z.string(),
  source: z.string(),
  description: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  level: z.enum(['village', 'township']),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  /** whole days past the deadline (0 when not overdue) */
  daysOverdue: z.number().int(),
  headName: z.string().nullable(),
  responsibleUnitName: z.string().nullable(),
  responsibleUserName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export const dashboardProblemsSchema = z.object({ items: z.array(dashboardProblemSchema), total: z.number().int() });

/** GET /api/dashboard/summaries: the villages behind a summary figure. */
export const dashboardSummariesQuery = dashboardQuery.extend({
  kind: z.enum(SUMMARY_KINDS).default('visit'),
  state: z.enum(SUMMARY_STATES).optional(),
  ...pageQuery.shape,
});

export const dashboardSummaryRowSchema = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  kind: z.enum(SUMMARY_KINDS),
  state: z.enum(SUMMARY_STATES),
  deadline: z.string(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
});
export const dashboardSummariesSchema = z.object({ items: z.array(dashboardSummaryRowSchema), total: z.number().int() });

/** GET /api/dashboard/county: per township figures for county roles. */
export const countyDashboardQuery = z.object({
  countyId: z.uuid(),
  /** the campaigns of this year (the current year in Shanghai when absent) */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const countyTownshipSchema = z.object({
  townshipId: z.uuid(),
  townshipName: z.string(),
  campaign: campaignRef.nullable(),
  visits: visitCounts,
  summaries: z.object({
    villages: z.number().int(),
    visitSubmitted: z.number().int(),
    visitLate: z.number().int(),
    inspectionSubmitted: z.number().int(),
    inspectionLate: z.number().int(),
  }),
  problems: problemCounts,
  ranking: z.object({ roundId: z.uuid(), month: z.string(), status: z.enum(['published', 'final']) }).nullable(),
});

export const countyDashboardSchema = z.object({
  county: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  today: z.string(),
  townships: z.array(countyTownshipSchema),
  totals: z.object({ visits: visitCounts, problems: problemCounts }),
});
export type CountyDashboard = z.infer<typeof countyDashboardSchema>;
