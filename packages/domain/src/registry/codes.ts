/**
 * Coded vocabularies of the registry (DOMAIN.md §2, §8): each code with its Chinese and
 * English label. Codes are stored; labels are shown. The Excel template's dropdowns, the forms
 * and the rules all read these lists, so a code means the same thing everywhere.
 */

export interface CodeLabel {
  zh: string;
  en: string;
}

function vocabulary<const K extends string>(entries: Record<K, CodeLabel>) {
  return { codes: Object.keys(entries) as K[], labels: entries };
}

export const POVERTY_STATUS = vocabulary({
  none: { zh: '非建档立卡户', en: 'Not registered' },
  not_out: { zh: '未脱贫', en: 'Registered, not yet out' },
  exited: { zh: '已脱贫', en: 'Registered, exited' },
});
export type PovertyStatus = (typeof POVERTY_STATUS.codes)[number];

/** Built-in tags; a township adds its own codes beside these. */
export const HOUSEHOLD_TAGS = vocabulary({
  marginal: { zh: '边缘户', en: 'Marginal' },
  key: { zh: '重点户', en: 'Key household' },
});

export const RELATIONS = vocabulary({
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  son: { zh: '之子', en: 'Son' },
  daughter: { zh: '之女', en: 'Daughter' },
  daughter_in_law: { zh: '之儿媳', en: 'Daughter-in-law' },
  son_in_law: { zh: '之女婿', en: 'Son-in-law' },
  grandchild: { zh: '之孙子女', en: 'Grandchild' },
  parent: { zh: '之父母', en: 'Parent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
});

export const SEXES = vocabulary({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});

export const MARITAL_STATUSES = vocabulary({
  unmarried: { zh: '未婚', en: 'Unmarried' },
  married: { zh: '已婚', en: 'Married' },
  divorced: { zh: '离婚', en: 'Divorced' },
  widowed: { zh: '丧偶', en: 'Widowed' },
});

/** Labour capacity as the national registry records it; the rules weigh each (K2). */
export const LABOUR_CAPACITIES = vocabulary({
  skilled: { zh: '技能劳动力', en: 'Skilled labour' },
  normal: { zh: '普通劳动力', en: 'Ordinary labour' },
  weak: { zh: '弱劳动力或半劳动力', en: 'Weak or half labour' },
  lost: { zh: '丧失劳动力', en: 'Lost labour capacity' },
  none: { zh: '无劳动力', en: 'No labour capacity' },
});

export const HEALTH_STATUSES = vocabulary({
  healthy: { zh: '健康', en: 'Healthy' },
  chronic: { zh: '长期慢性病', en: 'Chronic illness' },
  serious: { zh: '大病', en: 'Serious illness' },
  disabled: { zh: '残疾', en: 'Disabled' },
});

export const SCHOOLING_STAGES = vocabulary({
  not_in_school: { zh: '非在校生', en: 'Not in school' },
  preschool: { zh: '学前教育', en: 'Preschool' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  secondary_vocational: { zh: '中职', en: 'Secondary vocational' },
  higher_vocational: { zh: '高职', en: 'Higher vocational' },
  college: { zh: '大专', en: 'College' },
  undergraduate: { zh: '本科', en: 'Undergraduate' },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
});

export const EMPLOYMENTS = vocabulary({
  none: { zh: '无', en: 'None' },
  local: { zh: '乡镇内务工', en: 'Work in the township' },
  in_county: { zh: '县内务工', en: 'Work in the county' },
  in_province: { zh: '省内县外务工', en: 'Work in the province' },
  out_of_province: { zh: '省外务工', en: 'Work outside the province' },
  public_welfare_job: { zh: '公益性岗位', en: 'Public-welfare job' },
  self_employed: { zh: '自主创业', en: 'Self-employed' },
});

export const MEMBER_STATUSES = vocabulary({
  current: { zh: '在户', en: 'Current' },
  died: { zh: '死亡', en: 'Died' },
  moved_out: { zh: '迁出', en: 'Moved out' },
});

export const HOUSING_STRUCTURES = vocabulary({
  steel_concrete: { zh: '钢混', en: 'Reinforced concrete' },
  brick_concrete: { zh: '砖混', en: 'Brick and concrete' },
  brick_wood: { zh: '砖木', en: 'Brick and timber' },
  wood: { zh: '木结构', en: 'Timber' },
  adobe: { zh: '土坯', en: 'Adobe' },
  other: { zh: '其他', en: 'Other' },
});

/** House safety appraisal grade: A and B are safe, C and D dangerous (危房). */
export const HOUSING_GRADES = vocabulary({
  A: { zh: 'A级', en: 'Grade A' },
  B: { zh: 'B级', en: 'Grade B' },
  C: { zh: 'C级（危房）', en: 'Grade C (dangerous)' },
  D: { zh: 'D级（危房）', en: 'Grade D (dangerous)' },
});

export const ASSISTANCE_MEASURES = vocabulary({
  industry: { zh: '产业帮扶', en: 'Industry' },
  employment: { zh: '就业帮扶', en: 'Employment' },
  education: { zh: '教育帮扶', en: 'Education' },
  health: { zh: '健康帮扶', en: 'Health' },
  housing: { zh: '住房保障', en: 'Housing' },
  safety_net: { zh: '兜底保障', en: 'Social safety net' },
  finance: { zh: '金融帮扶', en: 'Finance' },
  consumption: { zh: '消费帮扶', en: 'Consumption' },
});
