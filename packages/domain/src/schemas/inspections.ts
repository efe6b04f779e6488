/** What the browser sends for sites, checklists and inspections; checked the same on both sides. */
import { z } from 'zod';
import { I18N_PREFIX } from '../i18n/issues';
import { PROBLEM_CATEGORIES } from '../visits/vocabularies';

/** A code of a site kind the township adds: latin letters, digits and underscores. */
export const targetCode = z.string().regex(/^[a-z][a-z0-9_]{1,29}$/);

export const checklistItemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,12}$/),
  text: z.string().trim().min(2).max(200),
  evidence: z.enum(['photo', 'document', 'none']),
});

export const checklistBody = z.object({
  townshipId: z.uuid(),
  scope: z.enum(['site', 'sector']),
  /** the name of a new site kind; the default kinds and the sectors keep theirs */
  label: z.string().trim().min(2).max(20).nullable().default(null),
  items: z
    .array(checklistItemSchema)
    .min(1)
    .max(60)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code))
          ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${I18N_PREFIX}checklist.duplicate_code` });
        seen.add(item.code);
      });
    }),
});

export const siteBody = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  kind: targetCode,
  name: z.string().trim().min(2).max(50),
});

const result = z.object({
  code: z.string().min(1).max(12),
  ok: z.boolean(),
  note: z.string().trim().max(300).nullable().default(null),
  /** a sector's item found wanting at one household, or in one village */
  householdId: z.uuid().nullable().default(null),
  villageId: z.uuid().nullable().default(null),
});

const finding = z.object({
  category: z.enum(PROBLEM_CATEGORIES.codes),
  description: z.string().trim().min(2).max(500),
  householdId: z.uuid().nullable().default(null),
});

/** A village self-check of a site, or a sector leader's sweep. */
export const inspectionBody = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  kind: z.enum(['village_self', 'sector']),
  villageId: z.uuid().nullable().default(null),
  siteId: z.uuid().nullable().default(null),
  sector: z.enum(['education', 'medical', 'housing', 'water']).nullable().default(null),
  inspectedAt: z.iso.datetime({ offset: true }),
  results: z.array(result).max(200),
  findings: z.array(finding).max(100).default([]),
  note: z.string().trim().max(500).nullable().default(null),
});

/** A cross-check of a village: its closed problems confirmed or reopened, and new findings. */
export const crosscheckBody = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  villageId: z.uuid(),
  inspectedAt: z.iso.datetime({ offset: true }),
  reviews: z
    .array(z.object({ problemId: z.uuid(), confirmed: z.boolean(), note: z.string().trim().max(300).nullable().default(null) }))
    .max(500)
    .superRefine((reviews, ctx) => {
      reviews.forEach((r, i) => {
        if (!r.confirmed && !r.note) ctx.addIssue({ code: 'custom', path: [i, 'note'], message: `${I18N_PREFIX}issue.required` });
      });
    }),
  findings: z.array(finding).max(100).default([]),
  note: z.string().trim().max(500).nullable().default(null),
});
