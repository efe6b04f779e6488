/** A visit form that finds nothing wrong, for a household as the API shows it; tests change what they need. */
import { randomUUID } from 'node:crypto';
import type { Household, VisitFormInput } from '@fupin/domain';

const secured = { secured: true, problem: null, solvedOnSite: false };

export function cleanForm(h: Household, campaignId: string, over: Partial<VisitFormInput> = {}): VisitFormInput {
  return {
    id: randomUUID(),
    householdId: h.id,
    campaignId,
    visitedAt: '2020-03-10T02:00:00.000Z',
    position: null,
    baseVersion: h.version,
    housing: {
      structure: (h.housingStructure as never) ?? null,
      grade: (h.housingGrade as never) ?? null,
      otherSafeHouse: h.otherSafeHouse,
      note: null,
    },
    observations: [],
    members: h.members
      .filter((m) => m.status === 'current')
      .map((m) => ({ memberId: m.id, name: m.name, check: 'present' as const })),
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
      food: secured,
      clothing: secured,
      education: secured,
      medical: secured,
      housing: secured,
      water: { ...secured, quantity: true, quality: true, convenience: true, reliability: true },
    },
    unsoldProduce: { has: false, description: null },
    industry: { has: h.industryProjects.length > 0, failed: false, description: null },
    employment: { unstable: false, description: null },
    policies: [],
    shock: { affected: false, industryImpact: null, employmentImpact: null },
    returnRisk: { atRisk: false, note: null },
    assistancePlan: h.povertyStatus === 'not_out' ? [{ measure: 'industry', description: '发展脐橙种植' }] : [],
    proposeTags: [],
    note: null,
    ...over,
  };
}
