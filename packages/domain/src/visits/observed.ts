/**
 * The household as the visit found it: the registry with the form's observations applied, its
 * members confirmed (who left no longer counts, who was born or married in does), and the
 * income and housing as recorded. The form shows the key-category flags of this household as the
 * cadre types, and the server stores the same computation with the visit.
 */
import type { RuleHousehold, RuleMember } from '../rules/values';
import type { VisitForm } from '../schemas/visits';

export interface RegistryMember extends RuleMember {
  id: string;
}

export interface RegistryHousehold extends Omit<RuleHousehold, 'members'> {
  members: RegistryMember[];
}

type FormParts = Pick<VisitForm, 'observations' | 'members' | 'income' | 'housing' | 'industry' | 'employment' | 'returnRisk'>;

const STATUS_AFTER: Record<string, string> = {
  present: 'current',
  moved_out: 'moved_out',
  married_out: 'moved_out',
  died: 'died',
};

export function householdAsObserved(h: RegistryHousehold, form: FormParts): RuleHousehold {
  const household: Record<string, unknown> = { ...h };
  const memberPatches = new Map<string, Record<string, unknown>>();
  for (const o of form.observations) {
    if (o.memberId === null) household[o.field] = o.observedValue;
    else memberPatches.set(o.memberId, { ...(memberPatches.get(o.memberId) ?? {}), [o.field]: o.observedValue });
  }
  const confirmations = new Map(form.members.filter((m) => m.memberId).map((m) => [m.memberId as string, m]));
  const members: RuleMember[] = h.members.map((m) => {
    const check = confirmations.get(m.id)?.check;
    return {
      ...m,
      ...(memberPatches.get(m.id) ?? {}),
      status: check ? (STATUS_AFTER[check] ?? m.status) : m.status,
    } as RuleMember;
  });
  for (const m of form.members) {
    if (m.memberId || (m.check !== 'born' && m.check !== 'married_in')) continue;
    members.push({
      status: 'current',
      birthDate: m.birthDate,
      sex: m.sex ?? 'male',
      relation: m.relation ?? 'other',
      maritalStatus: m.check === 'married_in' ? 'married' : 'unmarried',
      labourCapacity: m.check === 'born' ? 'none' : null,
      health: null,
      disabilityGrade: null,
      schoolingStage: m.check === 'born' ? 'not_in_school' : null,
      employment: null,
    });
  }
  return {
    ...(household as unknown as RuleHousehold),
    ...form.income,
    housingStructure: form.housing.structure ?? (household.housingStructure as string | null),
    housingGrade: form.housing.grade ?? (household.housingGrade as string | null),
    otherSafeHouse: form.housing.otherSafeHouse,
    industryFailed: form.industry.failed,
    employmentUnstable: form.employment.unstable,
    riskNote: form.returnRisk.atRisk ? (form.returnRisk.note ?? '走访发现返贫风险') : (household.riskNote as string | null),
    members,
  };
}

/** How many members the visit confirmed as living in the household (present, born, married in). */
export function membersConfirmed(form: Pick<VisitForm, 'members'>): number {
  return form.members.filter((m) => m.check === 'present' || m.check === 'born' || m.check === 'married_in').length;
}

/** The flags a form shows: each rule that fired with its explanation. */
export type FlagsSummary = { ruleId: string; explanation: { zh: string; en: string } }[];
