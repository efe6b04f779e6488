/**
 * The visit forms (附件1 for registered households, 附件2 for marginal and key households), as
 * one schema laid out by the five steps: 看 look, 查 check, 算 calculate, 听 listen, 谈 talk.
 * A cadre fills it on a phone, often offline; the id is made on the phone so a retry never
 * duplicates.
 */
import { z } from 'zod';
import { I18N_PREFIX } from '../i18n/issues';
import {
  ASSISTANCE_MEASURES,
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '../registry/codes';
import { MEMBER_CHECKS, POLICIES } from '../visits/vocabularies';
import { clientId } from './common';

const note = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((v) => v || null);
const money = z.number().min(-100_000_000).max(100_000_000);

/** Household fields a visit can observe to differ from the registry. */
export const OBSERVABLE_HOUSEHOLD_FIELDS = [
  'address',
  'phone',
  'housingStructure',
  'otherSafeHouse',
  'housingGrade',
  'hazardPoint',
  'wageIncome',
  'businessIncome',
  'propertyIncome',
  'transferIncome',
  'industryProjects',
  'industryFailed',
  'employmentUnstable',
  'lowMotivationNote',
  'riskNote',
] as const;
export type ObservableHouseholdField = (typeof OBSERVABLE_HOUSEHOLD_FIELDS)[number];

/** Member fields a visit can observe to differ from the registry. */
export const OBSERVABLE_MEMBER_FIELDS = [
  'maritalStatus',
  'labourCapacity',
  'health',
  'disabilityGrade',
  'schoolingStage',
  'employment',
  'medicalInsurance',
  'seriousIllnessInsurance',
  'pensionInsurance',
] as const;
export type ObservableMemberField = (typeof OBSERVABLE_MEMBER_FIELDS)[number];

const observedValue = z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(60)).max(20), z.null()]);

export const observation = z.object({
  /** null for the household itself */
  memberId: z.uuid().nullable(),
  field: z.enum([...OBSERVABLE_HOUSEHOLD_FIELDS, ...OBSERVABLE_MEMBER_FIELDS]),
  /** what the registry said when the form was opened */
  registryValue: observedValue,
  /** what the cadre found */
  observedValue: observedValue,
});
export type Observation = z.infer<typeof observation>;

export const memberConfirmation = z.object({
  /** null for someone the registry does not have yet (born, married in) */
  memberId: z.uuid().nullable(),
  name: z.string().trim().min(1).max(40),
  check: z.enum(MEMBER_CHECKS.codes),
  /** when it happened, for a change */
  date: z.iso
    .date()
    .nullish()
    .transform((v) => v ?? null),
  /** for someone new */
  sex: z
    .enum(SEXES.codes)
    .nullish()
    .transform((v) => v ?? null),
  birthDate: z.iso
    .date()
    .nullish()
    .transform((v) => v ?? null),
  relation: z
    .enum(RELATIONS.codes)
    .nullish()
    .transform((v) => v ?? null),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(18)
    .nullish()
    .transform((v) => v || null),
  note,
});
export type MemberConfirmation = z.infer<typeof memberConfirmation>;

const guarantee = z.object({
  secured: z.boolean(),
  problem: note,
  /** fixed during the visit itself (现场解决) */
  solvedOnSite: z.boolean().default(false),
});

export const visitForm = z.object({
  id: clientId,
  householdId: z.uuid(),
  campaignId: z.uuid(),
  /** when the cadre was there (the phone's clock) */
  visitedAt: z.iso.datetime({ offset: true }),
  /** the phone's position, when the cadre allowed it */
  position: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      accuracy: z.number().min(0).max(100_000).nullable(),
    })
    .nullable(),
  /** the household version the form was filled against */
  baseVersion: z.number().int().min(1),

  // 看 look: housing as seen
  housing: z.object({
    structure: z.enum(HOUSING_STRUCTURES.codes).nullable(),
    grade: z.enum(HOUSING_GRADES.codes).nullable(),
    otherSafeHouse: z.boolean(),
    note,
  }),

  // 查 check: registry and archive against reality, every member confirmed
  observations: z.array(observation).max(100),
  members: z.array(memberConfirmation).min(1).max(30),
  archiveMatches: z.boolean(),
  archiveNote: note,
  assistancePrecise: z.boolean(),
  /** only for households that exited */
  exitPrecise: z.boolean().nullable(),

  // 算 calculate: the year's income as found
  income: z.object({
    wageIncome: money.min(0),
    businessIncome: money,
    propertyIncome: money.min(0),
    transferIncome: money.min(0),
  }),

  // 听 listen: 两不愁三保障, water, produce, industry, work
  guarantees: z.object({
    food: guarantee,
    clothing: guarantee,
    education: guarantee,
    medical: guarantee,
    housing: guarantee,
    water: guarantee.extend({ quantity: z.boolean(), quality: z.boolean(), convenience: z.boolean(), reliability: z.boolean() }),
  }),
  unsoldProduce: z.object({ has: z.boolean(), description: note }),
  industry: z.object({ has: z.boolean(), failed: z.boolean(), description: note }),
  employment: z.object({ unstable: z.boolean(), description: note }),

  // 谈 talk: policies due versus enjoyed, the shock, the risk, the plan
  policies: z
    .array(
      z.object({
        code: z.enum(POLICIES.codes),
        due: z.boolean(),
        enjoyed: z.boolean(),
        solvedOnSite: z.boolean().default(false),
        note,
      }),
    )
    .max(POLICIES.codes.length)
    .superRefine((policies, ctx) => {
      // one row per policy: the ledger keeps one problem per policy and household
      const seen = new Set<string>();
      policies.forEach((p, i) => {
        if (seen.has(p.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${I18N_PREFIX}issue.duplicate` });
        seen.add(p.code);
      });
    }),
  shock: z.object({ affected: z.boolean(), industryImpact: note, employmentImpact: note }),
  returnRisk: z.object({ atRisk: z.boolean(), note }),
  /** the year's assistance plan (帮扶措施), required for households not yet out */
  assistancePlan: z
    .array(z.object({ measure: z.enum(ASSISTANCE_MEASURES.codes), description: z.string().trim().min(1).max(300) }))
    .max(10),
  /** the village's proposal after a carpet survey: identify as 边缘户 or 重点户 */
  proposeTags: z
    .array(z.enum(['marginal', 'key']))
    .max(2)
    .default([]),
  note,
});
export type VisitForm = z.infer<typeof visitForm>;
export type VisitFormInput = z.input<typeof visitForm>;

/** Codes of the member fields that are vocabularies (for the form's selects). */
export const MEMBER_FIELD_VOCABULARIES = {
  maritalStatus: MARITAL_STATUSES,
  labourCapacity: LABOUR_CAPACITIES,
  health: HEALTH_STATUSES,
  schoolingStage: SCHOOLING_STAGES,
  employment: EMPLOYMENTS,
} as const;
