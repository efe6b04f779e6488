/** The visit form as POST /api/visits takes it, built from what the screen holds (model.ts). */
import { POLICIES, type VisitFormInput } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import {
  type FormType,
  type GuaranteeValues,
  money,
  observationsOf,
  plain,
  type VisitMeta,
  type VisitValues,
  type WaterValues,
} from './model';

const text = (v: string | null | undefined) => (plain(v) as string | null) ?? null;
const guarantee = (g: GuaranteeValues) => ({
  secured: g.secured,
  problem: g.secured ? null : text(g.problem),
  solvedOnSite: g.secured ? false : g.solvedOnSite,
});

/** The water guarantee holds only when its four indicators do. */
export function waterSecured(w: Pick<WaterValues, 'quantity' | 'quality' | 'convenience' | 'reliability'>): boolean {
  return w.quantity && w.quality && w.convenience && w.reliability;
}

/** The form as POST /api/visits takes it (附件2 leaves out what only registered households have). */
export function toVisitForm(h: Household, meta: VisitMeta, v: VisitValues, formType: FormType): VisitFormInput {
  const registered = formType === 'registered';
  const water = v.guarantees.water;
  return {
    id: meta.formId,
    householdId: meta.householdId,
    campaignId: meta.campaignId,
    visitedAt: meta.visitedAt,
    position: meta.position,
    baseVersion: meta.baseVersion,
    housing: {
      structure: (v.housing.structure as never) ?? null,
      grade: (v.housing.grade as never) ?? null,
      otherSafeHouse: v.housing.otherSafeHouse,
      note: text(v.housing.note),
    },
    observations: observationsOf(h, v),
    members: v.members.map((m) => ({
      memberId: m.memberId,
      name: m.name.trim(),
      check: m.check,
      date: m.check === 'present' ? null : m.date,
      sex: m.memberId ? null : ((m.sex as never) ?? null),
      birthDate: m.memberId ? null : m.birthDate,
      relation: m.memberId ? null : ((m.relation as never) ?? null),
      idNumber: m.memberId ? null : text(m.idNumber),
      note: text(m.note),
    })),
    archiveMatches: registered ? v.archiveMatches : true,
    archiveNote: registered && !v.archiveMatches ? text(v.archiveNote) : null,
    assistancePrecise: registered ? v.assistancePrecise : true,
    exitPrecise: registered && h.povertyStatus === 'exited' ? (v.exitPrecise ?? true) : null,
    income: {
      wageIncome: money(v.income.wageIncome),
      businessIncome: money(v.income.businessIncome),
      propertyIncome: money(v.income.propertyIncome),
      transferIncome: money(v.income.transferIncome),
    },
    guarantees: {
      food: guarantee(v.guarantees.food),
      clothing: guarantee(v.guarantees.clothing),
      education: guarantee(v.guarantees.education),
      medical: guarantee(v.guarantees.medical),
      housing: guarantee(v.guarantees.housing),
      water: {
        ...guarantee({ ...water, secured: waterSecured(water) }),
        quantity: water.quantity,
        quality: water.quality,
        convenience: water.convenience,
        reliability: water.reliability,
      },
    },
    unsoldProduce: { has: v.unsoldProduce.has, description: v.unsoldProduce.has ? text(v.unsoldProduce.description) : null },
    industry: { has: v.industry.has, failed: v.industry.failed, description: text(v.industry.description) },
    employment: { unstable: v.employment.unstable, description: text(v.employment.description) },
    policies: POLICIES.codes
      .map((code) => ({ code, ...v.policies[code] }))
      .filter((p) => p.due || p.enjoyed)
      .map((p) => ({
        code: p.code,
        due: p.due,
        enjoyed: p.enjoyed,
        solvedOnSite: p.due && !p.enjoyed ? p.solvedOnSite : false,
        note: text(p.note),
      })),
    shock: {
      affected: v.shock.affected,
      industryImpact: v.shock.affected ? text(v.shock.industryImpact) : null,
      employmentImpact: v.shock.affected ? text(v.shock.employmentImpact) : null,
    },
    returnRisk: { atRisk: v.returnRisk.atRisk, note: v.returnRisk.atRisk ? text(v.returnRisk.note) : null },
    assistancePlan: registered
      ? v.assistancePlan
          .filter((p) => p.measure && plain(p.description))
          .map((p) => ({ measure: p.measure as never, description: p.description.trim() }))
      : [],
    proposeTags: registered ? [] : [...new Set(v.proposeTags)],
    note: text(v.note),
  };
}

/** Which step holds a field (for a server's or the schema's message: go to where it is). */
export function stepOfPath(path: string): number {
  const head = path.split('.')[0] ?? '';
  if (['address', 'phone', 'hazardPoint', 'housing'].includes(head)) return 0;
  if (['members', 'observations', 'archiveMatches', 'archiveNote', 'assistancePrecise', 'exitPrecise'].includes(head)) return 1;
  if (head === 'income') return 2;
  if (['guarantees', 'unsoldProduce', 'industry', 'industryProjects', 'employment'].includes(head)) return 3;
  if (['visitedAt', 'position'].includes(head)) return 5;
  return 4;
}
