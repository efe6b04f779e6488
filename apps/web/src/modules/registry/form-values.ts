/**
 * The household form's values and their two translations: from the household the server sent,
 * and into the whole household a create or an edit sends back. Also the checks the form runs
 * before sending (the same `checkHouseholdFacts` the server and the import run).
 */
import { checkHouseholdFacts, type FieldError, type PovertyStatus } from '@fupin/domain';
import type { CreateHouseholdInput, Household, MemberInput, UpdateHouseholdInput } from '@fupin/domain/schemas/households';

type MemberCodes = Pick<
  MemberInput,
  'relation' | 'sex' | 'maritalStatus' | 'labourCapacity' | 'health' | 'schoolingStage' | 'employment' | 'status'
>;

export interface MemberValues extends MemberCodes {
  id: string;
  /** added in this opening of the form (its panel starts open) */
  isNew: boolean;
  /** the server sent a masked number: it cannot be sent back */
  idMasked: boolean;
  name: string;
  idNumber: string;
  birthDate: string | null;
  disabilityGrade: number | null;
  medicalInsurance: boolean | null;
  seriousIllnessInsurance: boolean | null;
  pensionInsurance: boolean | null;
  statusDate: string | null;
}

export interface HouseholdValues {
  villageId: string | undefined;
  groupId: string | null;
  householdNumber: string;
  address: string;
  phone: string;
  povertyStatus: PovertyStatus;
  exitYear: number | null;
  tags: string[];
  housingStructure: CreateHouseholdInput['housingStructure'];
  otherSafeHouse: boolean;
  housingGrade: CreateHouseholdInput['housingGrade'];
  hazardPoint: string;
  waterQuantityOk: boolean | null;
  waterQualityOk: boolean | null;
  waterConvenienceOk: boolean | null;
  waterReliabilityOk: boolean | null;
  incomeYear: number | null;
  wageIncome: number | null;
  businessIncome: number | null;
  propertyIncome: number | null;
  transferIncome: number | null;
  industryProjects: string[];
  assistanceMeasures: CreateHouseholdInput['assistanceMeasures'];
  industryFailed: boolean;
  employmentUnstable: boolean;
  lowMotivationNote: string;
  riskNote: string;
  members: MemberValues[];
}

export function emptyMember(id: string, relation: MemberInput['relation'] = 'head'): MemberValues {
  return {
    id,
    isNew: true,
    idMasked: false,
    name: '',
    idNumber: '',
    relation,
    sex: 'male',
    birthDate: null,
    maritalStatus: null,
    labourCapacity: null,
    health: null,
    disabilityGrade: null,
    schoolingStage: null,
    employment: null,
    medicalInsurance: null,
    seriousIllnessInsurance: null,
    pensionInsurance: null,
    status: 'current',
    statusDate: null,
  };
}

/** A new household: in the village (and group) the list was filtered to, with one member, the head. */
export function emptyHousehold(place: { villageId?: string; groupId?: string | null }, headId: string): HouseholdValues {
  return {
    villageId: place.villageId,
    groupId: place.groupId ?? null,
    householdNumber: '',
    address: '',
    phone: '',
    povertyStatus: 'none',
    exitYear: null,
    tags: [],
    housingStructure: null,
    otherSafeHouse: false,
    housingGrade: null,
    hazardPoint: '',
    waterQuantityOk: null,
    waterQualityOk: null,
    waterConvenienceOk: null,
    waterReliabilityOk: null,
    incomeYear: null,
    wageIncome: 0,
    businessIncome: 0,
    propertyIncome: 0,
    transferIncome: 0,
    industryProjects: [],
    assistanceMeasures: [],
    industryFailed: false,
    employmentUnstable: false,
    lowMotivationNote: '',
    riskNote: '',
    members: [emptyMember(headId)],
  };
}

export function valuesFromHousehold(h: Household): HouseholdValues {
  return {
    villageId: h.villageId,
    groupId: h.groupId,
    householdNumber: h.householdNumber ?? '',
    address: h.address ?? '',
    phone: h.phone ?? '',
    povertyStatus: h.povertyStatus,
    exitYear: h.exitYear,
    tags: [...h.tags],
    housingStructure: h.housingStructure as HouseholdValues['housingStructure'],
    otherSafeHouse: h.otherSafeHouse,
    housingGrade: h.housingGrade as HouseholdValues['housingGrade'],
    hazardPoint: h.hazardPoint ?? '',
    waterQuantityOk: h.waterQuantityOk,
    waterQualityOk: h.waterQualityOk,
    waterConvenienceOk: h.waterConvenienceOk,
    waterReliabilityOk: h.waterReliabilityOk,
    incomeYear: h.incomeYear,
    wageIncome: h.wageIncome,
    businessIncome: h.businessIncome,
    propertyIncome: h.propertyIncome,
    transferIncome: h.transferIncome,
    industryProjects: [...h.industryProjects],
    assistanceMeasures: [...h.assistanceMeasures] as HouseholdValues['assistanceMeasures'],
    industryFailed: h.industryFailed,
    employmentUnstable: h.employmentUnstable,
    lowMotivationNote: h.lowMotivationNote ?? '',
    riskNote: h.riskNote ?? '',
    members: h.members.map(({ age: _age, ...m }) => ({
      ...m,
      isNew: false,
      idNumber: m.idNumber ?? '',
      idMasked: m.idMasked,
    })),
  };
}

const text = (v: string | null | undefined) => {
  const t = (v ?? '').trim();
  return t ? t : null;
};
const money = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function memberInput(m: MemberValues): MemberInput {
  return {
    id: m.id,
    name: m.name.trim(),
    idNumber: text(m.idNumber)?.toUpperCase() ?? null,
    relation: m.relation,
    sex: m.sex,
    birthDate: m.birthDate ?? null,
    maritalStatus: m.maritalStatus ?? null,
    labourCapacity: m.labourCapacity ?? null,
    health: m.health ?? null,
    disabilityGrade: m.disabilityGrade ?? null,
    schoolingStage: m.schoolingStage ?? null,
    employment: m.employment ?? null,
    medicalInsurance: m.medicalInsurance ?? null,
    seriousIllnessInsurance: m.seriousIllnessInsurance ?? null,
    pensionInsurance: m.pensionInsurance ?? null,
    status: m.status,
    // A date of leaving belongs only to a member who left.
    statusDate: m.status === 'current' ? null : (m.statusDate ?? null),
  };
}

/**
 * The whole household as the API takes it. Coordinates are not edited here: the ones the
 * household had are kept.
 */
export function householdInput(
  v: HouseholdValues,
  kept: { latitude: number | null; longitude: number | null } = { latitude: null, longitude: null },
): Omit<CreateHouseholdInput, 'id'> {
  return {
    villageId: v.villageId ?? '',
    groupId: v.groupId ?? null,
    householdNumber: text(v.householdNumber),
    address: text(v.address),
    phone: text(v.phone),
    povertyStatus: v.povertyStatus,
    exitYear: v.povertyStatus === 'exited' ? (v.exitYear ?? null) : null,
    tags: v.tags ?? [],
    housingStructure: v.housingStructure ?? null,
    otherSafeHouse: Boolean(v.otherSafeHouse),
    housingGrade: v.housingGrade ?? null,
    hazardPoint: text(v.hazardPoint),
    waterQuantityOk: v.waterQuantityOk ?? null,
    waterQualityOk: v.waterQualityOk ?? null,
    waterConvenienceOk: v.waterConvenienceOk ?? null,
    waterReliabilityOk: v.waterReliabilityOk ?? null,
    incomeYear: v.incomeYear ?? null,
    wageIncome: money(v.wageIncome),
    businessIncome: money(v.businessIncome),
    propertyIncome: money(v.propertyIncome),
    transferIncome: money(v.transferIncome),
    industryProjects: (v.industryProjects ?? []).map((p) => p.trim()).filter(Boolean),
    assistanceMeasures: v.assistanceMeasures ?? [],
    industryFailed: Boolean(v.industryFailed),
    employmentUnstable: Boolean(v.employmentUnstable),
    lowMotivationNote: text(v.lowMotivationNote),
    riskNote: text(v.riskNote),
    latitude: kept.latitude,
    longitude: kept.longitude,
    members: (v.members ?? []).map(memberInput),
  };
}

export function createInput(id: string, v: HouseholdValues): CreateHouseholdInput {
  return { id, ...householdInput(v) };
}

export function updateInput(h: Household, v: HouseholdValues): UpdateHouseholdInput {
  return { ...householdInput(v, { latitude: h.latitude, longitude: h.longitude }), version: h.version };
}

/** The cross-field checks of the whole household, as the server will run them. */
export function checkValues(v: HouseholdValues, today: string): FieldError[] {
  const input = householdInput(v);
  // A masked number is the server's, unchanged: only the server can check it.
  const members = input.members.map((m, i) => (v.members[i]?.idMasked ? { ...m, idNumber: null } : m));
  return checkHouseholdFacts({ ...input, members }, today);
}

/** The form path of an error path: `members.2.idNumber` → ['members', 2, 'idNumber']. */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The member indexes an error list names (to open their panels). */
export function membersWithErrors(paths: readonly string[]): number[] {
  const out = new Set<number>();
  for (const p of paths) {
    const m = /^members\.(\d+)\./.exec(p);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
}
