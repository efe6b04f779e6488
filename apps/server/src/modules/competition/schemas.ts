/** Request and response shapes of the competition's API (the web builds its pages from these). */
import {
  COMPETITION_PARTS,
  competitionWeightSchema,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
  prizesSchema,
  publicityDaysSchema,
  ROUND_STATUSES,
  roundMonth,
  sampleSizeSchema,
  scoreOutOf100Schema,
} from '@fupin/domain';
import { z } from 'zod';
import { FINDING_CATEGORIES } from './commands/submit-score';

export const part = z.enum(COMPETITION_PARTS);
const status = z.enum(ROUND_STATUSES);
const period = z.object({ start: z.string(), end: z.string() });

const rubricItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  criteria: z.string(),
  points: z.number(),
  office: z.string().nullable(),
});
const rubricPart = z.object({ max: z.number(), office: z.string(), items: z.array(rubricItem) });
export const rubricOut = z.object({ households: rubricPart, groups: rubricPart, village: rubricPart });
const prizesOut = z.object({ rewards: z.array(z.number()), deductions: z.array(z.number()) });

export const settingsBody = z.object({
  townshipId: z.uuid(),
  /** checked by validateRubric: sums, codes, offices, two decimals */
  rubric: z.unknown(),
  prizes: prizesSchema,
  sampleSize: sampleSizeSchema,
  publicityDays: publicityDaysSchema,
  competitionWeight: competitionWeightSchema,
  version: z.number().int().optional(),
});

export const settingsOut = z.object({
  townshipId: z.uuid(),
  rubric: rubricOut,
  prizes: prizesOut,
  sampleSize: z.number().int(),
  publicityDays: z.number().int(),
  competitionWeight: z.number(),
  saved: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const roundOut = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  townshipName: z.string(),
  month: z.string(),
  status,
  sampleSize: z.number().int(),
  publicityDays: z.number().int(),
  publishedOn: z.string().nullable(),
  publicity: period.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  version: z.number().int(),
});

export const rankingRow = z.object({
  rank: z.number().int(),
  firstPlace: z.number().int(),
  lastPlace: z.number().int(),
  tied: z.boolean(),
  villageId: z.uuid(),
  villageName: z.string(),
  households: z.number(),
  groups: z.number(),
  village: z.number(),
  total: z.number(),
  moneyFen: z.number().int(),
  money: z.number(),
  moneyText: z.string(),
});

export const objectionOut = z.object({
  id: z.uuid(),
  villageId: z.uuid().nullable(),
  villageName: z.string().nullable(),
  text: z.string(),
  raisedAt: z.string(),
  raisedByName: z.string().nullable(),
  status: z.enum(OBJECTION_STATUSES),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  current: z.boolean(),
});

/** A photo of a sheet, without its bytes (GET …/photos/:photoId gives them). */
export const photoOut = z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int() });

const progress = z.object({ in: z.number().int(), expected: z.number().int() });
const named = z.object({ id: z.uuid(), name: z.string() });
const sheet = z.record(z.string(), z.number());

export const detailOut = z.object({
  round: roundOut,
  rubric: rubricOut,
  prizes: prizesOut,
  villages: z.array(
    z.object({
      villageId: z.uuid(),
      villageName: z.string(),
      sample: z
        .object({
          seed: z.string(),
          method: z.string(),
          version: z.number().int(),
          size: z.number().int(),
          populationSize: z.number().int(),
          drawnAt: z.string(),
          drawnByName: z.string().nullable(),
          households: z.array(
            z.object({
              id: z.uuid(),
              headName: z.string(),
              address: z.string().nullable(),
              groupId: z.uuid().nullable(),
              groupName: z.string().nullable(),
              povertyStatus: z.string(),
              marginal: z.boolean(),
            }),
          ),
        })
        .nullable(),
      groups: z.array(named),
      nomination: z
        .object({
          groupIds: z.array(z.uuid()),
          groups: z.array(named),
          nominatedAt: z.string(),
          nominatedByName: z.string().nullable(),
        })
        .nullable(),
      judges: z.object({ households: z.array(named), groups: z.array(named), village: z.array(named) }),
      progress: z.object({ households: progress, groups: progress, village: progress }),
      complete: z.boolean(),
      score: z
        .object({ villageId: z.uuid(), households: z.number(), groups: z.number(), village: z.number(), total: z.number() })
        .nullable(),
      sheets: z.array(
        z.object({
          id: z.uuid(),
          part,
          subjectId: z.uuid(),
          subjectName: z.string(),
          judgeId: z.uuid(),
          judgeName: z.string(),
          total: z.number(),
          sheet,
          note: z.string().nullable(),
          photos: z.array(photoOut),
          submittedAt: z.string(),
          version: z.number().int(),
        }),
      ),
    }),
  ),
  ranking: z.array(rankingRow).nullable(),
  preview: z.array(rankingRow).nullable(),
  objections: z.array(objectionOut),
  viewer: z.object({
    canManage: z.boolean(),
    fullView: z.boolean(),
    judge: z.boolean(),
    nominateVillageIds: z.array(z.uuid()),
  }),
});

export const verifyOut = z.object({
  villageId: z.uuid(),
  matches: z.boolean(),
  method: z.string(),
  version: z.number().int(),
  seed: z.string(),
  size: z.number().int(),
  population: z.array(z.uuid()),
  recorded: z.array(z.uuid()),
  redrawn: z.array(z.uuid()),
});

export const scoreBody = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  villageId: z.uuid(),
  part,
  subjectId: z.uuid(),
  /** points by item code; each item is checked against the round's rubric */
  sheet: z.record(z.string().max(30), z.number()),
  note: z.string().trim().max(500).nullable().default(null),
  findings: z
    .array(
      z.object({
        category: z.enum(FINDING_CATEGORIES),
        description: z.string().trim().min(2).max(500),
        householdId: z.uuid().nullable().default(null),
      }),
    )
    .max(20)
    .default([]),
});

export const scoreOut = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  villageId: z.uuid(),
  part,
  subjectId: z.uuid(),
  sheet,
  note: z.string().nullable(),
  total: z.number(),
  submittedAt: z.string(),
  version: z.number().int(),
  /** submitted anew, replaced the judge's earlier sheet, or the same sheet again */
  outcome: z.enum(['submitted', 'replaced', 'unchanged']),
  problems: z.array(z.object({ id: z.uuid(), category: z.string() })),
  photos: z.array(photoOut),
});

export const taskOut = z.object({
  roundId: z.uuid(),
  townshipId: z.uuid(),
  townshipName: z.string(),
  month: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  part,
  max: z.number(),
  office: z.string(),
  items: z.array(rubricItem),
  ready: z.boolean(),
  subjects: z.array(
    z.object({
      subjectId: z.uuid(),
      name: z.string(),
      detail: z.string(),
      sheet: z
        .object({
          id: z.uuid(),
          sheet,
          note: z.string().nullable(),
          total: z.number(),
          judgeId: z.uuid(),
          judgeName: z.string(),
          mine: z.boolean(),
          photos: z.array(photoOut),
          submittedAt: z.string(),
        })
        .nullable(),
    }),
  ),
});

export const bulletinOut = z.object({
  roundId: z.uuid(),
  townshipId: z.uuid(),
  townshipName: z.string(),
  month: z.string(),
  title: z.string(),
  status,
  publishedOn: z.string().nullable(),
  publicity: period.nullable(),
  maxima: z.object({ households: z.number(), groups: z.number(), village: z.number() }),
  rows: z.array(rankingRow),
  totals: z.object({ rewardsFen: z.number().int(), deductionsFen: z.number().int() }),
  objections: z.array(objectionOut),
});

export const yearQuery = z.object({ townshipId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });

export const yearOut = z.object({
  townshipId: z.uuid(),
  townshipName: z.string(),
  year: z.number().int(),
  competitionWeight: z.number(),
  months: z.array(z.object({ roundId: z.uuid(), month: z.string(), status })),
  villages: z.array(
    z.object({
      villageId: z.uuid(),
      villageName: z.string(),
      monthly: z.array(
        z.object({
          month: z.string(),
          status,
          total: z.number().nullable(),
          rank: z.number().int().nullable(),
          moneyFen: z.number().int().nullable(),
        }),
      ),
      roundsCounted: z.number().int(),
      competitionScore: z.number().nullable(),
      otherScore: z.number().nullable(),
      evaluation: z.number().nullable(),
    }),
  ),
});

export const yearScoresBody = z.object({
  townshipId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  scores: z.array(z.object({ villageId: z.uuid(), otherScore: scoreOutOf100Schema })).max(500),
});

export const createRoundBody = z.object({ id: z.uuid(), townshipId: z.uuid(), month: roundMonth });
export const reasonBody = z.object({ reason: z.string().trim().min(2).max(500) });
