/**
 * The words of the accountability view (DOMAIN.md §7, 责任倒查): what kind of duty lapsed, which
 * duty exactly, and the links of the responsible chain. Shared by the API's schemas, the
 * .xlsx export and the web, so a column or a chip reads the same everywhere.
 */

/** The four things §7 asks about: who did not visit, inspect, rectify or advance by the deadline. */
export const LAPSE_KINDS = ['visit', 'inspect', 'rectify', 'advance'] as const;
export type LapseKind = (typeof LAPSE_KINDS)[number];

export const LAPSE_KIND_LABELS: Record<LapseKind, { zh: string; en: string }> = {
  visit: { zh: '走访', en: 'Visit' },
  inspect: { zh: '排查', en: 'Inspect' },
  rectify: { zh: '整改', en: 'Rectify' },
  advance: { zh: '推进', en: 'Advance' },
};

/**
 * The duties that can lapse, each under one kind:
 * visit — a cadre's paired household (结对户), a village's carpet survey of a marginal or key household;
 * inspect — a village's self-check of a site, a sector leader's sweep of a village;
 * rectify — a problem of the ledger past its deadline;
 * advance — a supervision order past its deadline, a village summary (附件3, 附件5) not reported.
 */
export const LAPSE_DUTIES = [
  'paired_visit',
  'survey_visit',
  'site_check',
  'sector_sweep',
  'problem',
  'order',
  'visit_summary',
  'inspection_summary',
] as const;
export type LapseDuty = (typeof LAPSE_DUTIES)[number];

export const DUTY_KIND: Record<LapseDuty, LapseKind> = {
  paired_visit: 'visit',
  survey_visit: 'visit',
  site_check: 'inspect',
  sector_sweep: 'inspect',
  problem: 'rectify',
  order: 'advance',
  visit_summary: 'advance',
  inspection_summary: 'advance',
};

export const LAPSE_DUTY_LABELS: Record<LapseDuty, { zh: string; en: string }> = {
  paired_visit: { zh: '结对户走访', en: 'Visit of a paired household' },
  survey_visit: { zh: '边缘户、重点户排查走访', en: 'Survey visit of a marginal or key household' },
  site_check: { zh: '村级场所自查', en: 'Village self-check of a site' },
  sector_sweep: { zh: '行业排查', en: 'Sector sweep' },
  problem: { zh: '问题整改', en: 'Problem rectification' },
  order: { zh: '督办整改单', en: 'Supervision order' },
  visit_summary: { zh: '走访汇总上报（附件3）', en: 'Visit summary (form 3)' },
  inspection_summary: { zh: '排查汇总上报（附件5）', en: 'Inspection summary (form 5)' },
};

/** A lapse is either not done with the deadline gone (missing) or done after it (late). */
export const LAPSE_STATES = ['missing', 'late'] as const;
export type LapseState = (typeof LAPSE_STATES)[number];

export const LAPSE_STATE_LABELS: Record<LapseState, { zh: string; en: string }> = {
  missing: { zh: '逾期未完成', en: 'Not done, overdue' },
  late: { zh: '逾期完成', en: 'Done late' },
};

/**
 * The links of the responsible chain, nearest first. Each is a role assignment of the org model:
 * responsible — the person a problem or an order names; cadre — the household's paired cadre(s);
 * unit_head — the head of the unit (派出单位) a cadre or a named person was sent from, by name
 * (有关单位负责人: the head need not have an account);
 * village_committee — village staff (村两委) other than the first secretary; first_secretary —
 * village staff titled 第一书记; stationed_leader — a town leader assigned on the village (驻村领导);
 * sector_leader — the leader of the problem's or sweep's sector; township_office — the township
 * office (镇扶贫办); town_leader — a town leader assigned on the township (镇领导).
 */
export const CHAIN_LINKS = [
  'responsible',
  'cadre',
  'unit_head',
  'village_committee',
  'first_secretary',
  'stationed_leader',
  'sector_leader',
  'township_office',
  'town_leader',
] as const;
export type ChainLink = (typeof CHAIN_LINKS)[number];

export const CHAIN_LINK_LABELS: Record<ChainLink, { zh: string; en: string }> = {
  responsible: { zh: '直接责任人', en: 'Responsible person' },
  cadre: { zh: '帮扶干部', en: 'Assistance cadre' },
  unit_head: { zh: '派出单位负责人', en: 'Head of sending unit' },
  village_committee: { zh: '村两委', en: 'Village committee' },
  first_secretary: { zh: '驻村第一书记', en: 'First secretary' },
  stationed_leader: { zh: '驻村领导', en: 'Stationed leader' },
  sector_leader: { zh: '行业分管领导', en: 'Sector leader' },
  township_office: { zh: '镇扶贫办', en: 'Township office' },
  town_leader: { zh: '镇领导', en: 'Town leader' },
};
