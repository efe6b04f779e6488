/** Schemas of the registry: households, members, pairings, list queries. */
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../competition/decimal';
import {
  ASSISTANCE_MEASURES,
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_STATUSES,
  POVERTY_STATUS,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '../registry/codes';
import { clientId, isoDate, optionalText, pageQuery, text } from './common';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/** Yuan with at most two decimals; production and business income may be a loss. */
const money = (min = 0) =>
  z.number().min(min).max(100_000_000).refine(hasAtMostTwoDecimals, { error: 'i18n:issue.money' }).default(0);

/** A tag code: built-in (marginal, key) or one the township defined. */
export const tagCode = z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { error: 'i18n:issue.tag_code' });

export const memberInput = z.object({
  id: clientId,
  name: text(1, 40),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(18)
    .nullish()
    .transform((v) => (v ? v : null)),
  relation: z.enum(RELATIONS.codes),
  sex: z.enum(SEXES.codes),
  birthDate: nullable(isoDate),
  maritalStatus: nullable(z.enum(MARITAL_STATUSES.codes)),
  labourCapacity: nullable(z.enum(LABOUR_CAPACITIES.codes)),
  health: nullable(z.enum(HEALTH_STATUSES.codes)),
  disabilityGrade: nullable(z.number().int().min(1).max(4)),
  schoolingStage: nullable(z.enum(SCHOOLING_STAGES.codes)),
  employment: nullable(z.enum(EMPLOYMENTS.codes)),
  medicalInsurance: nullable(z.boolean()),
  seriousIllnessInsurance: nullable(z.boolean()),
  pensionInsurance: nullable(z.boolean()),
  status: z.enum(MEMBER_STATUSES.codes).default('current'),
  statusDate: nullable(isoDate),
});
export type MemberInput = z.infer<typeof memberInput>;

const householdFields = {
  villageId: z.uuid(),
  groupId: nullable(z.uuid()),
  householdNumber: optionalText(40),
  address: optionalText(200),
  phone: optionalText(20),
  povertyStatus: z.enum(POVERTY_STATUS.codes).default('none'),
  exitYear: nullable(z.number().int().min(2013).max(2100)),
  tags: z.array(tagCode).max(20).default([]),
  housingStructure: nullable(z.enum(HOUSING_STRUCTURES.codes)),
  otherSafeHouse: z.boolean().default(false),
  housingGrade: nullable(z.enum(HOUSING_GRADES.codes)),
  hazardPoint: optionalText(100),
  waterQuantityOk: nullable(z.boolean()),
  waterQualityOk: nullable(z.boolean()),
  waterConvenienceOk: nullable(z.boolean()),
  waterReliabilityOk: nullable(z.boolean()),
  incomeYear: nullable(z.number().int().min(2013).max(2100)),
  wageIncome: money(),
  businessIncome: money(-100_000_000),
  propertyIncome: money(),
  transferIncome: money(),
  industryProjects: z.array(text(1, 40)).max(10).default([]),
  assistanceMeasures: z.array(z.enum(ASSISTANCE_MEASURES.codes)).max(8).default([]),
  industryFailed: z.boolean().default(false),
  employmentUnstable: z.boolean().default(false),
  lowMotivationNote: optionalText(500),
  riskNote: optionalText(500),
  latitude: nullable(z.number().min(-90).max(90)),
  longitude: nullable(z.number().min(-180).max(180)),
  members: z.array(memberInput).max(30),
};

export const createHouseholdInput = z.object({ id: clientId, ...householdFields });
export type CreateHouseholdInput = z.infer<typeof createHouseholdInput>;

/** An edit states the whole household, and the version it was based on. */
export const updateHouseholdInput = z.object({ ...householdFields, version: z.number().int().min(1) });
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdInput>;

/** The fields shared by create and update, as the rules and checks see them. */
export type HouseholdFields = Omit<CreateHouseholdInput, 'id'>;

/** A member as the API answers it (response schemas carry no transforms: they are encoded). */
export const memberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** masked (3604**********1234) for readers who may not see the full number */
  idNumber: z.string().nullable(),
  idMasked: z.boolean(),
  age: z.number().int().nullable(),
  relation: z.enum(RELATIONS.codes),
  sex: z.enum(SEXES.codes),
  birthDate: z.string().nullable(),
  maritalStatus: z.enum(MARITAL_STATUSES.codes).nullable(),
  labourCapacity: z.enum(LABOUR_CAPACITIES.codes).nullable(),
  health: z.enum(HEALTH_STATUSES.codes).nullable(),
  disabilityGrade: z.number().int().nullable(),
  schoolingStage: z.enum(SCHOOLING_STAGES.codes).nullable(),
  employment: z.enum(EMPLOYMENTS.codes).nullable(),
  medicalInsurance: z.boolean().nullable(),
  seriousIllnessInsurance: z.boolean().nullable(),
  pensionInsurance: z.boolean().nullable(),
  status: z.enum(MEMBER_STATUSES.codes),
  statusDate: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const pairingSchema = z.object({
  cadreId: z.uuid(),
  cadreName: z.string(),
  /** the cadre's 派出单位, when recorded */
  workUnitName: z.string().nullable(),
  since: z.string(),
});

export const householdSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  householdNumber: z.string().nullable(),
  headName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  povertyStatus: z.enum(POVERTY_STATUS.codes),
  exitYear: z.number().int().nullable(),
  tags: z.array(z.string()),
  housingStructure: z.string().nullable(),
  otherSafeHouse: z.boolean(),
  housingGrade: z.string().nullable(),
  hazardPoint: z.string().nullable(),
  waterQuantityOk: z.boolean().nullable(),
  waterQualityOk: z.boolean().nullable(),
  waterConvenienceOk: z.boolean().nullable(),
  waterReliabilityOk: z.boolean().nullable(),
  incomeYear: z.number().int().nullable(),
  wageIncome: z.number(),
  businessIncome: z.number(),
  propertyIncome: z.number(),
  transferIncome: z.number(),
  industryProjects: z.array(z.string()),
  assistanceMeasures: z.array(z.string()),
  industryFailed: z.boolean(),
  employmentUnstable: z.boolean(),
  lowMotivationNote: z.string().nullable(),
  riskNote: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  members: z.array(memberSchema),
  pairings: z.array(pairingSchema),
  /** the flags of the active rule set, each explaining itself */
  flags: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.string(),
      name: z.object({ zh: z.string(), en: z.string() }),
      explanation: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  /** whether the reader may edit it */
  canEdit: z.boolean(),
});
export type Household = z.infer<typeof householdSchema>;

export const householdListItem = z.object({
  id: z.uuid(),
  householdNumber: z.string().nullable(),
  headName: z.string(),
  /** the head's ID number, masked for readers who may not see it */
  headIdNumber: z.string().nullable(),
  villageId: z.uuid(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  povertyStatus: z.enum(POVERTY_STATUS.codes),
  exitYear: z.number().int().nullable(),
  tags: z.array(z.string()),
  currentMembers: z.number().int(),
  perCapitaIncome: z.number().nullable(),
  cadres: z.array(z.string()),
  /** ids of the active rule set's flags (K1 … K10, M, R) */
  flags: z.array(z.string()),
});
export type HouseholdListItem = z.infer<typeof householdListItem>;

export const householdListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  townshipId: z.uuid().optional(),
  villageId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  povertyStatus: z.enum(POVERTY_STATUS.codes).optional(),
  tag: tagCode.optional(),
  /** a flag of the active rule set, e.g. K1 or M */
  flag: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,19}$/)
    .optional(),
  cadreId: z.uuid().optional(),
  /** only households without any current member (to close or merge) */
  empty: z.enum(['true', 'false']).optional(),
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const pairInput = z.object({ cadreId: z.uuid(), since: nullable(isoDate) });
