/**
 * The visit form as the screen holds it, and what it becomes: every field starts from the
 * registry (the household of the tasks payload); each value the cadre changes becomes an
 * observation { memberId, field, registryValue, observedValue } for the village to accept or
 * reject. Pure: the form, the draft store and the tests share it.
 */
import {
  type GuaranteeCode,
  type MemberCheck,
  OBSERVABLE_MEMBER_FIELDS,
  type Observation,
  POLICIES,
  type PolicyCode,
} from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';

export type FormType = 'registered' | 'marginal_key';
type MemberField = (typeof OBSERVABLE_MEMBER_FIELDS)[number];

export interface MemberRow {
  /** the registry's member id, or a key made on the phone for someone new */
  key: string;
  memberId: string | null;
  name: string;
  check: MemberCheck;
  date: string | null;
  sex: string | null;
  birthDate: string | null;
  relation: string | null;
  idNumber: string | null;
  note: string | null;
  maritalStatus: string | null;
  labourCapacity: string | null;
  health: string | null;
  disabilityGrade: number | null;
  schoolingStage: string | null;
  employment: string | null;
  medicalInsurance: boolean | null;
  seriousIllnessInsurance: boolean | null;
  pensionInsurance: boolean | null;
}

export interface GuaranteeValues {
  secured: boolean;
  problem: string | null;
  solvedOnSite: boolean;
}
export interface WaterValues extends GuaranteeValues {
  quantity: boolean;
  quality: boolean;
  convenience: boolean;
  reliability: boolean;
}

export interface PolicyValues {
  due: boolean;
  enjoyed: boolean;
  solvedOnSite: boolean;
  note: string | null;
}

export interface VisitValues {
  // 看
  address: string | null;
  phone: string | null;
  hazardPoint: string | null;
  housing: { structure: string | null; grade: string | null; otherSafeHouse: boolean; note: string | null };
  // 查
  members: MemberRow[];
  archiveMatches: boolean;
  archiveNote: string | null;
  assistancePrecise: boolean;
  exitPrecise: boolean | null;
  // 算
  income: {
    wageIncome: number | null;
    businessIncome: number | null;
    propertyIncome: number | null;
    transferIncome: number | null;
  };
  // 听
  guarantees: Record<Exclude<GuaranteeCode, 'water'>, GuaranteeValues> & { water: WaterValues };
  unsoldProduce: { has: boolean; description: string | null };
  industry: { has: boolean; failed: boolean; description: string | null };
  industryProjects: string[];
  employment: { unstable: boolean; description: string | null };
  // 谈
  policies: Record<PolicyCode, PolicyValues>;
  shock: { affected: boolean; industryImpact: string | null; employmentImpact: string | null };
  returnRisk: { atRisk: boolean; note: string | null };
  lowMotivation: boolean;
  lowMotivationNote: string | null;
  assistancePlan: { measure: string; description: string }[];
  proposeTags: ('marginal' | 'key')[];
  note: string | null;
}

/** What the form carries beside the fields: made when it opened, kept in the draft. */
export interface VisitMeta {
  formId: string;
  householdId: string;
  campaignId: string;
  baseVersion: number;
  visitedAt: string;
  position: { latitude: number; longitude: number; accuracy: number | null } | null;
}

export const STEP_KEYS = ['look', 'check', 'calc', 'listen', 'talk', 'confirm'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

const secured = (): GuaranteeValues => ({ secured: true, problem: null, solvedOnSite: false });

export function memberRowOf(m: Household['members'][number]): MemberRow {
  const row: MemberRow = {
    key: m.id,
    memberId: m.id,
    name: m.name,
    check: 'present',
    date: null,
    sex: m.sex,
    birthDate: m.birthDate,
    relation: m.relation,
    idNumber: null,
    note: null,
    maritalStatus: null,
    labourCapacity: null,
    health: null,
    disabilityGrade: null,
    schoolingStage: null,
    employment: null,
    medicalInsurance: null,
    seriousIllnessInsurance: null,
    pensionInsurance: null,
  };
  for (const f of OBSERVABLE_MEMBER_FIELDS) (row as unknown as Record<string, unknown>)[f] = m[f] ?? null;
  return row;
}

/** A new member (born, married in): nothing but the check until the cadre types. */
export function newMemberRow(key: string, check: 'born' | 'married_in' = 'born'): MemberRow {
  return {
    key,
    memberId: null,
    name: '',
    check,
    date: null,
    sex: null,
    birthDate: null,
    relation: check === 'born' ? 'grandchild' : 'daughter_in_law',
    idNumber: null,
    note: null,
    maritalStatus: null,
    labourCapacity: null,
    health: null,
    disabilityGrade: null,
    schoolingStage: null,
    employment: null,
    medicalInsurance: null,
    seriousIllnessInsurance: null,
    pensionInsurance: null,
  };
}

/** The form filled from the registry: confirming what is there takes a tap per step. */
export function initialValues(h: Household): VisitValues {
  const dangerous = h.housingGrade === 'C' || h.housingGrade === 'D';
  const water = [h.waterQuantityOk, h.waterQualityOk, h.waterConvenienceOk, h.waterReliabilityOk].map((v) => v !== false);
  return {
    address: h.address,
    phone: h.phone,
    hazardPoint: h.hazardPoint,
    housing: { structure: h.housingStructure, grade: h.housingGrade, otherSafeHouse: h.otherSafeHouse, note: null },
    members: h.members.filter((m) => m.status === 'current').map(memberRowOf),
    archiveMatches: true,
    archiveNote: null,
    assistancePrecise: true,
    exitPrecise: h.povertyStatus === 'exited' ? true : null,
    income: {
      wageIncome: h.wageIncome,
      businessIncome: h.businessIncome,
      propertyIncome: h.propertyIncome,
      transferIncome: h.transferIncome,
    },
    guarantees: {
      food: secured(),
      clothing: secured(),
      education: secured(),
      medical: secured(),
      housing: { ...secured(), secured: !dangerous },
      water: {
        ...secured(),
        secured: water.every(Boolean),
        quantity: water[0] as boolean,
        quality: water[1] as boolean,
        convenience: water[2] as boolean,
        reliability: water[3] as boolean,
      },
    },
    unsoldProduce: { has: false, description: null },
    industry: { has: h.industryProjects.length > 0, failed: h.industryFailed, description: null },
    industryProjects: [...h.industryProjects],
    employment: { unstable: h.employmentUnstable, description: null },
    policies: Object.fromEntries(
      POLICIES.codes.map((c) => [c, { due: false, enjoyed: false, solvedOnSite: false, note: null }]),
    ) as Record<PolicyCode, PolicyValues>,
    shock: { affected: false, industryImpact: null, employmentImpact: null },
    returnRisk: { atRisk: Boolean(h.riskNote), note: h.riskNote },
    lowMotivation: Boolean(h.lowMotivationNote),
    lowMotivationNote: h.lowMotivationNote,
    assistancePlan: [],
    proposeTags: [],
    note: null,
  };
}

type Plain = string | number | boolean | string[] | null;

/** A value as it is compared and sent: blank text is null, text is trimmed. */
export function plain(v: unknown): Plain {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  return v as Plain;
}

const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));
export const money = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The household fields the form observes, as the form holds them. */
function observedHouseholdValues(v: VisitValues): Record<string, unknown> {
  return {
    address: v.address,
    phone: v.phone,
    housingStructure: v.housing.structure,
    otherSafeHouse: v.housing.otherSafeHouse,
    housingGrade: v.housing.grade,
    hazardPoint: v.hazardPoint,
    wageIncome: money(v.income.wageIncome),
    businessIncome: money(v.income.businessIncome),
    propertyIncome: money(v.income.propertyIncome),
    transferIncome: money(v.income.transferIncome),
    industryProjects: v.industryProjects,
    industryFailed: v.industry.failed,
    employmentUnstable: v.employment.unstable,
    lowMotivationNote: v.lowMotivation ? v.lowMotivationNote : null,
    // A risk the cadre records goes to the registry; no risk found does not erase an earlier note.
    ...(v.returnRisk.atRisk && plain(v.returnRisk.note) ? { riskNote: v.returnRisk.note } : {}),
  };
}

/** Every value that differs from the registry, household fields first, then members present. */
export function observationsOf(h: Household, v: VisitValues): Observation[] {
  const out: Observation[] = [];
  const registry = h as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(observedHouseholdValues(v))) {
    if (!same(registry[field], value))
      out.push({
        memberId: null,
        field: field as Observation['field'],
        registryValue: plain(registry[field]),
        observedValue: plain(value),
      });
  }
  for (const row of v.members) {
    if (!row.memberId || row.check !== 'present') continue;
    const m = h.members.find((x) => x.id === row.memberId);
    if (!m) continue;
    for (const field of OBSERVABLE_MEMBER_FIELDS) {
      const before = m[field as MemberField];
      const after = row[field as MemberField];
      if (!same(before, after)) out.push({ memberId: m.id, field, registryValue: plain(before), observedValue: plain(after) });
    }
  }
  return out;
}
