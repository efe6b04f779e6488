/**
 * What rule expressions can name: values of a household (derived once per evaluation) and, inside
 * count/any/all/sum over members, values of one member. Only current members count: who died or
 * moved out is no longer part of the household's situation.
 */

export interface RuleMember {
  status: string;
  birthDate: string | null;
  sex: string;
  relation: string;
  maritalStatus: string | null;
  labourCapacity: string | null;
  health: string | null;
  disabilityGrade: number | null;
  schoolingStage: string | null;
  employment: string | null;
}

export interface RuleHousehold {
  povertyStatus: string;
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  housingStructure: string | null;
  otherSafeHouse: boolean;
  housingGrade: string | null;
  hazardPoint: string | null;
  industryProjects: readonly string[];
  industryFailed: boolean;
  employmentUnstable: boolean;
  lowMotivationNote: string | null;
  riskNote: string | null;
  members: readonly RuleMember[];
}

export type Value = number | string | boolean | null | readonly string[];

/** The values an expression sees for one household; `keyFlags` is filled as key rules fire. */
export interface HouseholdValues {
  registered: boolean;
  notOut: boolean;
  exited: boolean;
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  totalIncome: number;
  perCapitaIncome: number | null;
  transferShare: number | null;
  currentMembers: number;
  labourCoefficient: number | null;
  labourers: number;
  employedMembers: number;
  industryProjects: number;
  housingStructure: string | null;
  otherSafeHouse: boolean;
  housingGrade: string | null;
  dangerousHouse: boolean;
  hazardPoint: boolean;
  industryFailed: boolean;
  employmentUnstable: boolean;
  lowMotivation: boolean;
  riskRecorded: boolean;
  keyFlags: number;
  incomeLine: number;
  /** the current members, for count/any/all/sum */
  members: RuleMember[];
}

/** Names of household values, with their kind, for validation and the editor's help. */
export const HOUSEHOLD_NAMES: Record<keyof Omit<HouseholdValues, 'members'>, 'number' | 'boolean' | 'string'> = {
  registered: 'boolean',
  notOut: 'boolean',
  exited: 'boolean',
  wageIncome: 'number',
  businessIncome: 'number',
  propertyIncome: 'number',
  transferIncome: 'number',
  totalIncome: 'number',
  perCapitaIncome: 'number',
  transferShare: 'number',
  currentMembers: 'number',
  labourCoefficient: 'number',
  labourers: 'number',
  employedMembers: 'number',
  industryProjects: 'number',
  housingStructure: 'string',
  otherSafeHouse: 'boolean',
  housingGrade: 'string',
  dangerousHouse: 'boolean',
  hazardPoint: 'boolean',
  industryFailed: 'boolean',
  employmentUnstable: 'boolean',
  lowMotivation: 'boolean',
  riskRecorded: 'boolean',
  keyFlags: 'number',
  incomeLine: 'number',
};

/** Names of member values (inside count/any/all/sum). */
export const MEMBER_NAMES = {
  age: 'number',
  sex: 'string',
  relation: 'string',
  maritalStatus: 'string',
  labourCapacity: 'string',
  labourWeight: 'number',
  health: 'string',
  disabilityGrade: 'number',
  schoolingStage: 'string',
  employment: 'string',
  employed: 'boolean',
} as const;
export type MemberName = keyof typeof MEMBER_NAMES;

/** Parameters shared by every rule of a set: they shape the derived values. */
export interface DerivationParameters {
  /** per-capita net income line in yuan (the seed: 5,000) */
  incomeLine: number;
  /** labour weight of each labour capacity code (K2: 普通 1, 弱/半 0.5, 丧失/无 0) */
  labourWeights: Record<string, number>;
  /** the date ages are counted on (YYYY-MM-DD): the campaign's first day unless set */
  referenceDate: string;
}

/** Age in whole years on a reference date given as numbers (year, month*100+day). */
export function ageAt(birthDate: string | null, refYear: number, refMonthDay: number): number | null {
  if (!birthDate) return null;
  const y =
    (birthDate.charCodeAt(0) - 48) * 1000 +
    (birthDate.charCodeAt(1) - 48) * 100 +
    (birthDate.charCodeAt(2) - 48) * 10 +
    (birthDate.charCodeAt(3) - 48);
  const md =
    ((birthDate.charCodeAt(5) - 48) * 10 + (birthDate.charCodeAt(6) - 48)) * 100 +
    (birthDate.charCodeAt(8) - 48) * 10 +
    (birthDate.charCodeAt(9) - 48);
  return refYear - y - (refMonthDay >= md ? 0 : 1);
}

/** Reads one member value. */
export function memberValue(m: RuleMember, name: MemberName, d: Derivation): Value {
  switch (name) {
    case 'age':
      return ageAt(m.birthDate, d.refYear, d.refMonthDay);
    case 'labourWeight':
      return d.weights[m.labourCapacity ?? ''] ?? 0;
    case 'employed':
      return m.employment !== null && m.employment !== 'none';
    default:
      return m[name];
  }
}

/** Precomputed parts of the derivation parameters. */
export interface Derivation {
  weights: Record<string, number>;
  incomeLine: number;
  refYear: number;
  refMonthDay: number;
}

export function derivation(p: DerivationParameters): Derivation {
  return {
    weights: p.labourWeights,
    incomeLine: p.incomeLine,
    refYear: Number(p.referenceDate.slice(0, 4)),
    refMonthDay: Number(p.referenceDate.slice(5, 7)) * 100 + Number(p.referenceDate.slice(8, 10)),
  };
}

/** Derives a household's values into `into` (reused between households to spare allocations). */
export function deriveHousehold(h: RuleHousehold, d: Derivation, into: HouseholdValues): HouseholdValues {
  // A fresh small array is cheaper for the engine than truncating the old one.
  const members: RuleMember[] = [];
  into.members = members;
  let weight = 0;
  let labourers = 0;
  let employed = 0;
  for (const m of h.members) {
    if (m.status !== 'current') continue;
    members.push(m);
    const w = d.weights[m.labourCapacity ?? ''] ?? 0;
    weight += w;
    if (w > 0) labourers++;
    if (m.employment !== null && m.employment !== 'none') employed++;
  }
  const n = members.length;
  const total = Math.round((h.wageIncome + h.businessIncome + h.propertyIncome + h.transferIncome) * 100) / 100;
  into.registered = h.povertyStatus !== 'none';
  into.notOut = h.povertyStatus === 'not_out';
  into.exited = h.povertyStatus === 'exited';
  into.wageIncome = h.wageIncome;
  into.businessIncome = h.businessIncome;
  into.propertyIncome = h.propertyIncome;
  into.transferIncome = h.transferIncome;
  into.totalIncome = total;
  into.perCapitaIncome = n > 0 ? Math.round((total / n) * 100) / 100 : null;
  // "转移性收入占比" has no meaning without positive income.
  into.transferShare = total > 0 ? h.transferIncome / total : null;
  into.currentMembers = n;
  into.labourCoefficient = n > 0 ? weight / n : null;
  into.labourers = labourers;
  into.employedMembers = employed;
  into.industryProjects = h.industryProjects.length;
  into.housingStructure = h.housingStructure;
  into.otherSafeHouse = h.otherSafeHouse;
  into.housingGrade = h.housingGrade;
  into.dangerousHouse = h.housingGrade === 'C' || h.housingGrade === 'D';
  into.hazardPoint = h.hazardPoint !== null && h.hazardPoint !== '';
  into.industryFailed = h.industryFailed;
  into.employmentUnstable = h.employmentUnstable;
  into.lowMotivation = h.lowMotivationNote !== null && h.lowMotivationNote.trim() !== '';
  into.riskRecorded = h.riskNote !== null && h.riskNote.trim() !== '';
  into.keyFlags = 0;
  into.incomeLine = d.incomeLine;
  return into;
}

/** A fresh values object. */
export function emptyValues(): HouseholdValues {
  return deriveHousehold(
    {
      povertyStatus: 'none',
      wageIncome: 0,
      businessIncome: 0,
      propertyIncome: 0,
      transferIncome: 0,
      housingStructure: null,
      otherSafeHouse: false,
      housingGrade: null,
      hazardPoint: null,
      industryProjects: [],
      industryFailed: false,
      employmentUnstable: false,
      lowMotivationNote: null,
      riskNote: null,
      members: [],
    },
    { weights: {}, incomeLine: 0, refYear: 2000, refMonthDay: 101 },
    { members: [] } as unknown as HouseholdValues,
  );
}
