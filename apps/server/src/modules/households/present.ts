/** The API shapes of households and members, with ID numbers masked for readers who may not see them. */
import { ageOn, type Household, type HouseholdListItem, maskIdNumber, perCapitaIncome } from '@fupin/domain';
import type { HouseholdRow, MemberRow } from './repository';

export function presentMember(m: MemberRow, showId: boolean, today: string) {
  return {
    id: m.id,
    name: m.name,
    idNumber: showId ? m.idNumber : maskIdNumber(m.idNumber),
    idMasked: !showId && m.idNumber !== null,
    relation: m.relation as Household['members'][number]['relation'],
    sex: m.sex as 'male' | 'female',
    birthDate: m.birthDate,
    age: m.birthDate ? ageOn(m.birthDate, today) : null,
    maritalStatus: m.maritalStatus as Household['members'][number]['maritalStatus'],
    labourCapacity: m.labourCapacity as Household['members'][number]['labourCapacity'],
    health: m.health as Household['members'][number]['health'],
    disabilityGrade: m.disabilityGrade,
    schoolingStage: m.schoolingStage as Household['members'][number]['schoolingStage'],
    employment: m.employment as Household['members'][number]['employment'],
    medicalInsurance: m.medicalInsurance,
    seriousIllnessInsurance: m.seriousIllnessInsurance,
    pensionInsurance: m.pensionInsurance,
    status: m.status as Household['members'][number]['status'],
    statusDate: m.statusDate,
  };
}

export function presentHousehold(
  h: HouseholdRow,
  extra: {
    members: MemberRow[];
    pairings: { cadreId: string; cadreName: string; workUnitName: string | null; since: string }[];
    flags: Household['flags'];
    villageName: string;
    groupName: string | null;
    showIds: boolean;
    canEdit: boolean;
    today: string;
  },
): Household {
  return {
    id: h.id,
    townshipId: h.townshipId,
    villageId: h.villageId,
    villageName: extra.villageName,
    groupId: h.groupId,
    groupName: extra.groupName,
    householdNumber: h.householdNumber,
    headName: h.headName,
    address: h.address,
    phone: h.phone,
    povertyStatus: h.povertyStatus as Household['povertyStatus'],
    exitYear: h.exitYear,
    tags: h.tags,
    housingStructure: h.housingStructure,
    otherSafeHouse: h.otherSafeHouse,
    housingGrade: h.housingGrade,
    hazardPoint: h.hazardPoint,
    waterQuantityOk: h.waterQuantityOk,
    waterQualityOk: h.waterQualityOk,
    waterConvenienceOk: h.waterConvenienceOk,
    waterReliabilityOk: h.waterReliabilityOk,
    incomeYear: h.incomeYear,
    wageIncome: h.wageIncome,
    businessIncome: h.businessIncome,
    propertyIncome: h.propertyIncome,
    transferIncome: h.transferIncome,
    industryProjects: h.industryProjects,
    assistanceMeasures: h.assistanceMeasures,
    industryFailed: h.industryFailed,
    employmentUnstable: h.employmentUnstable,
    lowMotivationNote: h.lowMotivationNote,
    riskNote: h.riskNote,
    latitude: h.latitude,
    longitude: h.longitude,
    version: h.version,
    updatedAt: h.updatedAt.toISOString(),
    members: extra.members.map((m) => presentMember(m, extra.showIds, extra.today)),
    pairings: extra.pairings,
    flags: extra.flags,
    canEdit: extra.canEdit,
  };
}

export interface ListRow {
  id: string;
  townshipId: string;
  householdNumber: string | null;
  headName: string;
  villageId: string;
  villageName: string;
  groupName: string | null;
  povertyStatus: string;
  exitYear: number | null;
  tags: string[];
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  currentMembers: number;
  headIdNumber: string | null;
  cadres: string[];
  pairedWithMe: unknown;
  flags: string[];
}

export function presentListItem(r: ListRow, showId: boolean): HouseholdListItem {
  return {
    id: r.id,
    householdNumber: r.householdNumber,
    headName: r.headName,
    headIdNumber: showId ? r.headIdNumber : maskIdNumber(r.headIdNumber),
    villageId: r.villageId,
    villageName: r.villageName,
    groupName: r.groupName,
    povertyStatus: r.povertyStatus as HouseholdListItem['povertyStatus'],
    exitYear: r.exitYear,
    tags: r.tags,
    currentMembers: r.currentMembers,
    perCapitaIncome: perCapitaIncome(r, r.currentMembers),
    cadres: r.cadres,
    flags: r.flags,
  };
}
