/** Writing a household's fields and its members, shared by create and update. */
import { type HouseholdFields, headNameOf } from '@fupin/domain';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { members } from '../../../db/schema/index';
import { pinyinKey } from '../../../lib/pinyin';
import { birthDateOf } from './check-household';

/** The household columns an input sets. */
export function householdColumns(input: HouseholdFields) {
  const headName = headNameOf(input.members);
  return {
    villageId: input.villageId,
    groupId: input.groupId,
    householdNumber: input.householdNumber,
    headName,
    headPinyin: pinyinKey(headName),
    address: input.address,
    phone: input.phone,
    povertyStatus: input.povertyStatus,
    exitYear: input.exitYear,
    tags: input.tags,
    housingStructure: input.housingStructure,
    otherSafeHouse: input.otherSafeHouse,
    housingGrade: input.housingGrade,
    hazardPoint: input.hazardPoint,
    waterQuantityOk: input.waterQuantityOk,
    waterQualityOk: input.waterQualityOk,
    waterConvenienceOk: input.waterConvenienceOk,
    waterReliabilityOk: input.waterReliabilityOk,
    incomeYear: input.incomeYear,
    wageIncome: input.wageIncome,
    businessIncome: input.businessIncome,
    propertyIncome: input.propertyIncome,
    transferIncome: input.transferIncome,
    industryProjects: input.industryProjects,
    assistanceMeasures: input.assistanceMeasures,
    industryFailed: input.industryFailed,
    employmentUnstable: input.employmentUnstable,
    lowMotivationNote: input.lowMotivationNote,
    riskNote: input.riskNote,
    latitude: input.latitude,
    longitude: input.longitude,
  };
}

/**
 * Makes the stored members exactly those of the input: updates the ones kept, inserts the new,
 * deletes the ones left out (a member who left is normally kept with status 迁出 or 死亡;
 * deleting is for entries made by mistake).
 */
export async function writeMembers(
  tx: Tx,
  townshipId: string,
  householdId: string,
  input: HouseholdFields,
  now: Date,
  today: string,
) {
  const ids = input.members.map((m) => m.id);
  const gone = and(
    eq(members.townshipId, townshipId),
    eq(members.householdId, householdId),
    ids.length ? notInArray(members.id, ids) : undefined,
  );
  await tx.delete(members).where(gone);
  const existing = ids.length
    ? new Set(
        (
          await tx
            .select({ id: members.id })
            .from(members)
            .where(and(eq(members.townshipId, townshipId), eq(members.householdId, householdId), inArray(members.id, ids)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  for (const [i, m] of input.members.entries()) {
    const values = {
      name: m.name,
      namePinyin: pinyinKey(m.name),
      idNumber: m.idNumber,
      relation: m.relation,
      sex: m.sex,
      birthDate: birthDateOf(m, today),
      maritalStatus: m.maritalStatus,
      labourCapacity: m.labourCapacity,
      health: m.health,
      disabilityGrade: m.disabilityGrade,
      schoolingStage: m.schoolingStage,
      employment: m.employment,
      medicalInsurance: m.medicalInsurance,
      seriousIllnessInsurance: m.seriousIllnessInsurance,
      pensionInsurance: m.pensionInsurance,
      status: m.status,
      statusDate: m.statusDate,
      sortOrder: i,
      updatedAt: now,
    };
    if (existing.has(m.id)) {
      await tx
        .update(members)
        .set(values)
        .where(and(eq(members.townshipId, townshipId), eq(members.id, m.id)));
    } else {
      await tx.insert(members).values({ ...values, townshipId, id: m.id, householdId, createdAt: now });
    }
  }
}
