/**
 * Households as the rules see them, read in one query each batch: the household's fields and
 * its members as compact JSON arrays (far cheaper to read than one row per member).
 */
import type { RuleHousehold, RuleMember } from '@fupin/domain';
import { type SQL, sql } from 'drizzle-orm';

export interface LoadedHousehold extends RuleHousehold {
  id: string;
}

/** A member as the query writes it: the rule fields in order, then the id. */
type MemberTuple = [
  string,
  string | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string,
];

interface Row {
  id: string;
  poverty_status: string;
  wage: number;
  business: number;
  property: number;
  transfer: number;
  housing_structure: string | null;
  other_safe_house: boolean;
  housing_grade: string | null;
  hazard_point: string | null;
  industry_projects: string[];
  industry_failed: boolean;
  employment_unstable: boolean;
  low_motivation_note: string | null;
  risk_note: string | null;
  members: MemberTuple[] | string;
}

/**
 * The query reading the households a condition selects (township-filtered by the caller).
 * membersTownship: the township as a parameter when the caller has one, so that in a prepared
 * statement's generic plan the members' partition is chosen once at its start instead of every
 * member partition being set up for each household partition.
 */
export function householdsForRules(where: SQL, limit?: number, membersTownship: SQL = sql`h.township_id`): SQL {
  return sql`select h.id, h.poverty_status, h.wage_income::float8 as wage, h.business_income::float8 as business,
      h.property_income::float8 as property, h.transfer_income::float8 as transfer, h.housing_structure, h.other_safe_house,
      h.housing_grade, h.hazard_point, h.industry_projects, h.industry_failed, h.employment_unstable, h.low_motivation_note, h.risk_note,
      coalesce((select json_agg(json_build_array(m.status, m.birth_date, m.sex, m.relation, m.marital_status, m.labour_capacity,
                  m.health, m.disability_grade, m.schooling_stage, m.employment, m.id) order by m.sort_order)
                from members m where m.township_id = ${membersTownship} and m.household_id = h.id), '[]') as members
    from households h where ${where} order by h.id ${limit ? sql`limit ${limit}` : sql``}`;
}

/** Turns a row of that query into a household for the evaluator. */
export function toRuleHousehold(r: Row): LoadedHousehold {
  const raw = typeof r.members === 'string' ? JSON.parse(r.members) : r.members;
  const members: (RuleMember & { id: string })[] = (raw as MemberTuple[]).map((a) => {
    return {
      id: a[10],
      status: a[0],
      birthDate: a[1],
      sex: a[2],
      relation: a[3],
      maritalStatus: a[4],
      labourCapacity: a[5],
      health: a[6],
      disabilityGrade: a[7],
      schoolingStage: a[8],
      employment: a[9],
    };
  });
  return {
    id: r.id,
    povertyStatus: r.poverty_status,
    wageIncome: Number(r.wage),
    businessIncome: Number(r.business),
    propertyIncome: Number(r.property),
    transferIncome: Number(r.transfer),
    housingStructure: r.housing_structure,
    otherSafeHouse: r.other_safe_house,
    housingGrade: r.housing_grade,
    hazardPoint: r.hazard_point,
    industryProjects: typeof r.industry_projects === 'string' ? JSON.parse(r.industry_projects) : r.industry_projects,
    industryFailed: r.industry_failed,
    employmentUnstable: r.employment_unstable,
    lowMotivationNote: r.low_motivation_note,
    riskNote: r.risk_note,
    members,
  };
}

export type { Row as RuleHouseholdRow };
