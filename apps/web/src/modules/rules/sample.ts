/**
 * The sample household of 试算: a few facts a person can type in the page, turned into the
 * shape the rule engine reads (`RuleHousehold`). Ages become birth dates counted back from the
 * draft's reference date, so an age typed here is the age the rules see.
 */
import type { RuleHousehold } from '@fupin/domain';

export interface SampleMember {
  /** for the page's list only */
  key: number;
  age: number | null;
  sex: string;
  maritalStatus: string | null;
  labourCapacity: string | null;
  health: string | null;
  schoolingStage: string | null;
  employment: string | null;
  disabilityGrade: number | null;
}

export interface SampleHousehold {
  povertyStatus: string;
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  housingStructure: string | null;
  otherSafeHouse: boolean;
  housingGrade: string | null;
  hazardPoint: boolean;
  industryProjects: number;
  industryFailed: boolean;
  employmentUnstable: boolean;
  lowMotivation: boolean;
  riskRecorded: boolean;
  members: SampleMember[];
}

let keys = 0;

export const newMember = (): SampleMember => ({
  key: ++keys,
  age: 30,
  sex: 'male',
  maritalStatus: 'married',
  labourCapacity: 'normal',
  health: 'healthy',
  schoolingStage: 'not_in_school',
  employment: 'none',
  disabilityGrade: null,
});

/** A household to start from: not registered, transfer income about 35% of 10,800 yuan, a widowed head of 58. */
export function sampleHousehold(): SampleHousehold {
  return {
    povertyStatus: 'none',
    wageIncome: 6000,
    businessIncome: 1000,
    propertyIncome: 0,
    transferIncome: 3800,
    housingStructure: 'brick_concrete',
    otherSafeHouse: false,
    housingGrade: 'B',
    hazardPoint: false,
    industryProjects: 0,
    industryFailed: false,
    employmentUnstable: false,
    lowMotivation: false,
    riskRecorded: false,
    members: [
      { ...newMember(), age: 58, maritalStatus: 'widowed', labourCapacity: 'weak', health: 'chronic' },
      { ...newMember(), age: 31, employment: 'in_county' },
    ],
  };
}

/** The birth date of someone who is `age` on the reference date. */
export function birthDateFor(age: number, referenceDate: string): string {
  return `${Number(referenceDate.slice(0, 4)) - age}${referenceDate.slice(4, 10)}`;
}

export function toRuleHousehold(s: SampleHousehold, referenceDate: string): RuleHousehold {
  return {
    povertyStatus: s.povertyStatus,
    wageIncome: s.wageIncome,
    businessIncome: s.businessIncome,
    propertyIncome: s.propertyIncome,
    transferIncome: s.transferIncome,
    housingStructure: s.housingStructure,
    otherSafeHouse: s.otherSafeHouse,
    housingGrade: s.housingGrade,
    hazardPoint: s.hazardPoint ? '示例' : null,
    industryProjects: Array.from({ length: Math.max(0, s.industryProjects) }, (_, i) => `#${i + 1}`),
    industryFailed: s.industryFailed,
    employmentUnstable: s.employmentUnstable,
    lowMotivationNote: s.lowMotivation ? '示例' : null,
    riskNote: s.riskRecorded ? '示例' : null,
    members: s.members.map((m, i) => ({
      status: 'current',
      birthDate: m.age === null ? null : birthDateFor(m.age, referenceDate),
      sex: m.sex,
      relation: i === 0 ? 'head' : 'other',
      maritalStatus: m.maritalStatus,
      labourCapacity: m.labourCapacity,
      health: m.health,
      disabilityGrade: m.disabilityGrade,
      schoolingStage: m.schoolingStage,
      employment: m.employment,
    })),
  };
}
