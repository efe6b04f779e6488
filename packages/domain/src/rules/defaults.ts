/**
 * The default rule set: DOMAIN.md §3 exactly, the ten key categories of the seed (转移性收入占比
 * 超过40% … 45岁以上单身), the marginal household (边缘户) and the return-to-poverty risk (返贫
 * 风险). "以上" includes the number itself. Every number is a parameter the township can change.
 */
import type { RuleSetDefinition } from './ruleset';

export const NON_COMPULSORY_STAGES = [
  'preschool',
  'senior',
  'secondary_vocational',
  'higher_vocational',
  'college',
  'undergraduate',
  'postgraduate',
];
export const SINGLE_STATUSES = ['unmarried', 'divorced', 'widowed'];

/** The default rule set of a campaign year (reference date: the campaign's first day, 03-10). */
export function defaultRuleSet(year: number): RuleSetDefinition {
  return {
    year,
    referenceDate: `${year}-03-10`,
    incomeLine: 5000,
    labourWeights: { skilled: 1, normal: 1, weak: 0.5, lost: 0, none: 0 },
    rules: [
      {
        id: 'K1',
        kind: 'key',
        name: { zh: '转移性收入占比超过40%', en: 'Transfer income over 40% of income' },
        params: { threshold: 0.4 },
        when: 'transferShare > threshold',
        explain: {
          zh: '转移性收入占比 {transferShare:pct} > {threshold:pct}',
          en: 'Transfer income share {transferShare:pct} > {threshold:pct}',
        },
        enabled: true,
      },
      {
        id: 'K2',
        kind: 'key',
        name: { zh: '家庭劳动力系数小于0.5', en: 'Labour coefficient under 0.5' },
        params: { threshold: 0.5 },
        when: 'labourCoefficient < threshold',
        explain: {
          zh: '家庭劳动力系数 {labourCoefficient:num} < {threshold:num}',
          en: 'Labour coefficient {labourCoefficient:num} < {threshold:num}',
        },
        enabled: true,
      },
      {
        id: 'K3',
        kind: 'key',
        name: { zh: '有1个以上劳动力但无产业就业覆盖', en: 'Labour but no industry or employment' },
        params: { minimum: 1 },
        when: 'labourers >= minimum and industryProjects == 0 and employedMembers == 0',
        explain: {
          zh: '有 {labourers} 个劳动力，但无产业项目、无人务工',
          en: '{labourers} labourer(s) but no industry project and nobody employed',
        },
        enabled: true,
      },
      {
        id: 'K4',
        kind: 'key',
        name: { zh: '家中有1个或以上大病病人', en: 'A member with serious illness' },
        params: { minimum: 1 },
        when: "count(members, health == 'serious') >= minimum",
        explain: {
          zh: "家中有 {count(members, health == 'serious')} 个大病病人",
          en: "{count(members, health == 'serious')} member(s) with serious illness",
        },
        enabled: true,
      },
      {
        id: 'K5',
        kind: 'key',
        name: { zh: '3个或以上孩子在非义务教育阶段上学', en: 'Three or more children in non-compulsory schooling' },
        params: { minimum: 3, stages: NON_COMPULSORY_STAGES },
        when: 'count(members, schoolingStage in stages) >= minimum',
        explain: {
          zh: '{count(members, schoolingStage in stages)} 个孩子在非义务教育阶段上学（≥ {minimum}）',
          en: '{count(members, schoolingStage in stages)} children in non-compulsory schooling (≥ {minimum})',
        },
        enabled: true,
      },
      {
        id: 'K6',
        kind: 'key',
        name: { zh: '唯一住房是土坯房', en: 'Only house is adobe' },
        params: {},
        when: "housingStructure == 'adobe' and not otherSafeHouse",
        explain: { zh: '唯一住房为土坯房，无其他安全住房', en: 'The only house is adobe, with no other safe house' },
        enabled: true,
      },
      {
        id: 'K7',
        kind: 'key',
        name: { zh: '在灾害隐患点居住（附近）', en: 'Lives at a disaster hazard point' },
        params: {},
        when: 'hazardPoint',
        explain: { zh: '居住在灾害隐患点（附近）', en: 'Lives at or near a registered disaster hazard point' },
        enabled: true,
      },
      {
        id: 'K8',
        kind: 'key',
        name: { zh: '产业投资失败或就业不稳定', en: 'Industry failed or employment unstable' },
        params: {},
        when: 'industryFailed or employmentUnstable',
        explain: {
          zh: '帮扶干部记录：产业投资失败 {industryFailed}，就业不稳定 {employmentUnstable}',
          en: 'Recorded by the cadre: industry failed {industryFailed}, employment unstable {employmentUnstable}',
        },
        enabled: true,
      },
      {
        id: 'K9',
        kind: 'key',
        name: { zh: '自身发展动力不足', en: 'Low motivation to develop' },
        params: {},
        when: 'lowMotivation',
        explain: { zh: '帮扶干部判断自身发展动力不足（见说明）', en: 'The cadre judged motivation low (see the note)' },
        enabled: true,
      },
      {
        id: 'K10',
        kind: 'key',
        name: { zh: '45岁以上单身', en: 'Single and aged 45 or over' },
        params: { minAge: 45, statuses: SINGLE_STATUSES },
        when: 'any(members, age >= minAge and maritalStatus in statuses)',
        explain: {
          zh: '有 {count(members, age >= minAge and maritalStatus in statuses)} 名 {minAge} 岁以上的未婚、离婚或丧偶成员',
          en: '{count(members, age >= minAge and maritalStatus in statuses)} member(s) aged {minAge} or over and unmarried, divorced or widowed',
        },
        enabled: true,
      },
      {
        id: 'M',
        kind: 'marginal',
        name: { zh: '边缘户', en: 'Marginal household' },
        params: {},
        when: 'not registered and perCapitaIncome < incomeLine and (keyFlags > 0 or riskRecorded)',
        explain: {
          zh: '非建档立卡户，人均纯收入 {perCapitaIncome:yuan} < {incomeLine:yuan}；符合 {keyFlags} 类重点户条件，帮扶干部记录致贫风险：{riskRecorded}',
          en: 'Not registered; per-capita income {perCapitaIncome:yuan} < {incomeLine:yuan}; meets {keyFlags} key categories; risk recorded by the cadre: {riskRecorded}',
        },
        enabled: true,
      },
      {
        id: 'R',
        kind: 'return_risk',
        name: { zh: '返贫风险', en: 'Return-to-poverty risk' },
        params: {},
        when: 'registered and (keyFlags > 0 or perCapitaIncome < incomeLine)',
        explain: {
          zh: '建档立卡户：人均纯收入 {perCapitaIncome:yuan}（收入线 {incomeLine:yuan}），符合 {keyFlags} 类重点户条件',
          en: 'Registered: per-capita income {perCapitaIncome:yuan} (line {incomeLine:yuan}), meets {keyFlags} key categories',
        },
        enabled: true,
      },
    ],
  };
}
