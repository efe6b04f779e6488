/**
 * The accountability view (DOMAIN.md §7, 责任倒查) for the discipline commission: query and
 * response schemas shared by the API and the web. Read-only. No transforms in responses.
 *
 * A lapse is one duty whose deadline (a Shanghai calendar date, the day itself still on time)
 * passed with the duty not done (missing) or done after it (late), with its evidence (which
 * household, problem, site, sector, order or summary; how many days late) and the responsible
 * chain named from the org model (role assignments, pairings, the problem's responsible person).
 *
 * Routes (permission accountability.read; contract in apps/server/src/modules/accountability/routes.ts):
 *   GET /api/accountability?unitId&campaignId?                               → accountabilitySchema
 *   GET /api/accountability/lapses?unitId&campaignId?&kind?&duty?&state?&villageId?&userId?&limit&offset → lapseListSchema
 *   GET /api/accountability/lapses.xlsx?(the same filters, no paging)        → 责任倒查表 .xlsx
 */
import { z } from 'zod';
import { CHAIN_LINKS, LAPSE_DUTIES, LAPSE_KINDS, LAPSE_STATES } from '../accountability/vocabulary';
import { pageQuery } from './common';

/** The unit to account for: a township (everything in it) or one village. */
export const accountabilityQuery = z.object({
  unitId: z.uuid(),
  /** the township's current campaign when absent */
  campaignId: z.uuid().optional(),
});

/** Filters of the lapse list and the export; the same the summary's figures group by. */
export const lapseFilter = accountabilityQuery.extend({
  kind: z.enum(LAPSE_KINDS).optional(),
  duty: z.enum(LAPSE_DUTIES).optional(),
  state: z.enum(LAPSE_STATES).optional(),
  /** one village's lapses, or `none`: the township's own, which belong to no village */
  villageId: z.union([z.uuid(), z.literal('none')]).optional(),
  /** lapses this person answers for directly (the people figures count these) */
  userId: z.uuid().optional(),
  /** lapses whose chain names this 派出单位's head (by the unit's name), or `none`: a cadre's unit not recorded */
  sendingUnit: z.string().trim().min(1).max(60).optional(),
});
export const lapseListQuery = lapseFilter.extend(pageQuery.shape);

export const chainEntrySchema = z.object({
  link: z.enum(CHAIN_LINKS),
  /** null when nobody holds the link (vacant): the chain says so rather than skipping it */
  userId: z.uuid().nullable(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type ChainEntrySchema = z.infer<typeof chainEntrySchema>;

export const lapseSchema = z.object({
  /** stable key of the duty, e.g. paired_visit:<household>:<cadre> */
  key: z.string(),
  kind: z.enum(LAPSE_KINDS),
  duty: z.enum(LAPSE_DUTIES),
  state: z.enum(LAPSE_STATES),
  deadline: z.string(),
  /** whole days after the deadline: until today when missing, until it was done when late */
  daysLate: z.number().int(),
  doneAt: z.string().nullable(),
  villageId: z.uuid().nullable(),
  villageName: z.string().nullable(),
  subject: z.object({
    type: z.enum(['household', 'problem', 'site', 'sector', 'order', 'summary']),
    id: z.string().nullable(),
    /** e.g. 张三（户编号 3601…）, the problem's description, 东溪村卫生室, 义务教育, 督办〔2020〕1号 */
    label: z.string(),
    detail: z.string().nullable(),
  }),
  /** the people who answer for it directly (a cadre, the problem's responsible person, the village staff …) */
  responsible: z.array(chainEntrySchema),
  /** every link above them, nearest first */
  chain: z.array(chainEntrySchema),
});
export type LapseSchema = z.infer<typeof lapseSchema>;

const byKind = z.object({
  visit: z.number().int(),
  inspect: z.number().int(),
  rectify: z.number().int(),
  advance: z.number().int(),
});

const figures = z.object({
  lapses: z.number().int(),
  missing: z.number().int(),
  late: z.number().int(),
  maxDaysLate: z.number().int(),
  byKind,
});

export const accountabilitySchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['township', 'village']) }),
  township: z.object({ id: z.uuid(), name: z.string() }),
  campaign: z.object({ id: z.uuid(), year: z.number().int(), name: z.string() }).nullable(),
  today: z.string(),
  totals: figures,
  /** people with lapses they answer for directly, or standing above others' in the chain (asChain), worst first */
  people: z.array(
    figures.extend({
      userId: z.uuid(),
      name: z.string(),
      links: z.array(z.enum(CHAIN_LINKS)),
      asChain: z.number().int(),
    }),
  ),
  /** every village (and the township itself for township-level duties), with its chain */
  units: z.array(
    figures.extend({
      unitId: z.uuid(),
      unitName: z.string(),
      kind: z.enum(['township', 'village']),
      chain: z.array(chainEntrySchema),
    }),
  ),
  /**
   * lapses by the 派出单位 whose head their chain names (each lapse once a unit), worst first; a
   * unit head answers with the cadres the unit sent. `name` null: cadres whose unit is not recorded.
   */
  sendingUnits: z.array(
    figures.extend({
      name: z.string().nullable(),
      headName: z.string().nullable(),
      headTitle: z.string().nullable(),
    }),
  ),
});
export type Accountability = z.infer<typeof accountabilitySchema>;

export const lapseListSchema = z.object({ items: z.array(lapseSchema), total: z.number().int() });
