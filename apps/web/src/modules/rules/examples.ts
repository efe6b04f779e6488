/**
 * Examples of categories a township adds (the seed's 等等), offered when adding one: each fills
 * in the names, the condition, the explanation and its parameters. Data in both languages,
 * since a rule keeps both.
 */
import type { RuleKind } from '@fupin/domain';

export interface RuleExample {
  key: string;
  kind: RuleKind;
  name: { zh: string; en: string };
  params: Record<string, number>;
  when: string;
  explain: { zh: string; en: string };
}

export const EXAMPLES: RuleExample[] = [
  {
    key: 'disabled',
    kind: 'key',
    name: { zh: '家中有2个以上残疾人', en: 'Two or more disabled members' },
    params: { minimum: 2 },
    when: "count(members, health == 'disabled') >= minimum",
    explain: {
      zh: "家中有 {count(members, health == 'disabled')} 名残疾人（≥ {minimum}）",
      en: "{count(members, health == 'disabled')} disabled members (≥ {minimum})",
    },
  },
  {
    key: 'dangerous',
    kind: 'key',
    name: { zh: '住房为危房', en: 'Dangerous house' },
    params: {},
    when: 'dangerousHouse and not otherSafeHouse',
    explain: {
      zh: '住房安全等级为 {housingGrade} 级（危房），无其他安全住房',
      en: 'House of grade {housingGrade} (dangerous), no other safe house',
    },
  },
  {
    key: 'elderly',
    kind: 'key',
    name: { zh: '60岁以上独居老人', en: 'Elderly living alone (60+)' },
    params: { minAge: 60 },
    when: 'currentMembers == 1 and all(members, age >= minAge)',
    explain: { zh: '独居老人，{sum(members, age)} 岁', en: 'Lives alone, aged {sum(members, age)}' },
  },
  {
    key: 'nearLine',
    kind: 'key',
    name: { zh: '人均纯收入低于收入线的1.5倍', en: 'Income under 1.5 times the line' },
    params: { factor: 1.5 },
    when: 'not registered and perCapitaIncome < incomeLine * factor',
    explain: {
      zh: '人均纯收入 {perCapitaIncome:yuan} < {incomeLine * factor:yuan}',
      en: 'Per-capita income {perCapitaIncome:yuan} < {incomeLine * factor:yuan}',
    },
  },
];
