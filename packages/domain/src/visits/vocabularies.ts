/** Vocabularies of the visit forms and the problem ledger (DOMAIN.md §8); the township can extend them. */

interface Label {
  zh: string;
  en: string;
}

function vocabulary<const K extends string>(entries: Record<K, Label>) {
  return { codes: Object.keys(entries) as K[], labels: entries };
}

/** Problem categories shared by forms, the ledger, the summaries and the charts. */
export const PROBLEM_CATEGORIES = vocabulary({
  food_clothing: { zh: '吃穿', en: 'Food and clothing' },
  education: { zh: '义务教育', en: 'Compulsory education' },
  medical: { zh: '基本医疗', en: 'Basic medical care' },
  housing: { zh: '住房安全', en: 'Housing safety' },
  water: { zh: '饮水安全', en: 'Drinking water' },
  income: { zh: '收入', en: 'Income' },
  industry: { zh: '产业', en: 'Industry' },
  employment: { zh: '就业', en: 'Employment' },
  policy: { zh: '政策落实', en: 'Policies' },
  assistance: { zh: '帮扶措施', en: 'Assistance' },
  archive: { zh: '档案资料', en: 'Records' },
  population: { zh: '人口变化', en: 'Members' },
  site: { zh: '场所', en: 'Sites' },
  living_environment: { zh: '人居环境', en: 'Living environment' },
  other: { zh: '其他', en: 'Other' },
});
export type ProblemCategory = (typeof PROBLEM_CATEGORIES.codes)[number];

export const PROBLEM_SOURCES = vocabulary({
  visit: { zh: '入户走访', en: 'Visit' },
  village_self_check: { zh: '村级自查', en: 'Village self-check' },
  sector_inspection: { zh: '行业排查', en: 'Sector inspection' },
  county_crosscheck: { zh: '县级交叉复核', en: 'County cross-check' },
  town_crosscheck: { zh: '片长交叉检查', en: 'Town cross-check' },
  competition: { zh: '大比武', en: 'Competition' },
});
export type ProblemSource = (typeof PROBLEM_SOURCES.codes)[number];

/** Policies due versus enjoyed (应享尽享). */
export const POLICIES = vocabulary({
  student_aid: { zh: '学生资助', en: 'Student aid' },
  rain_dew: { zh: '雨露计划', en: 'Rain and Dew plan' },
  medical_insurance_subsidy: { zh: '医保代缴', en: 'Medical insurance paid' },
  medical_aid: { zh: '医疗救助', en: 'Medical aid' },
  house_renovation: { zh: '危房改造补助', en: 'House renovation subsidy' },
  dibao: { zh: '低保', en: 'Minimum living allowance' },
  tekun: { zh: '特困供养', en: 'Extreme-poverty support' },
  disability_subsidy: { zh: '残疾人补贴', en: 'Disability subsidy' },
  industry_award: { zh: '产业奖补', en: 'Industry awards' },
  welfare_job: { zh: '公益性岗位', en: 'Public-welfare job' },
  microcredit: { zh: '扶贫小额信贷', en: 'Microcredit' },
  pension_subsidy: { zh: '养老保险代缴', en: 'Pension insurance paid' },
});
export type PolicyCode = (typeof POLICIES.codes)[number];

/** 两不愁三保障 and drinking water. */
export const GUARANTEES = vocabulary({
  food: { zh: '不愁吃', en: 'Enough food' },
  clothing: { zh: '不愁穿', en: 'Enough clothing' },
  education: { zh: '义务教育有保障', en: 'Compulsory education' },
  medical: { zh: '基本医疗有保障', en: 'Basic medical care' },
  housing: { zh: '住房安全有保障', en: 'Safe housing' },
  water: { zh: '饮水安全有保障', en: 'Safe drinking water' },
});
export type GuaranteeCode = (typeof GUARANTEES.codes)[number];

/** What a visit finds about each member (不落一人). */
export const MEMBER_CHECKS = vocabulary({
  present: { zh: '在户', en: 'Present' },
  moved_out: { zh: '迁出', en: 'Moved out' },
  died: { zh: '死亡', en: 'Died' },
  born: { zh: '新生', en: 'Born' },
  married_in: { zh: '婚入', en: 'Married in' },
  married_out: { zh: '婚出', en: 'Married out' },
});
export type MemberCheck = (typeof MEMBER_CHECKS.codes)[number];
