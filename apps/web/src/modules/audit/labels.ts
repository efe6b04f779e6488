/**
 * Human labels of the audit log's codes (texts in `audit.entityTypes` / `audit.actions` of the
 * i18n resources), falling back to the raw code for anything new.
 */
import { hasMessage, translate } from '@fupin/domain';
import { useDynamicLabel, useLang } from '../../i18n';

export const ENTITY_TYPES = [
  'unit',
  'user',
  'role_assignment',
  'session',
  'township',
  'household', // 农户 Household
  'import', // 导入 Import
  'rule_set', // 规则版本 Rule version
  'household_tag', // 标签 Tag
  'problem', // 问题 Problem
  'order', // 督办单 Supervision order
  'inspection', // 排查 Inspection
  'site', // 场所 Site
  'checklist', // 检查清单 Checklist
  'inspection_summary', // 排查汇总 Inspection summary
  'competition_settings', // 大比武设置 Competition settings
  'competition_round', // 大比武评比 Competition round
  'competition_sample', // 抽样 Sample
  'competition_nomination', // 自报小组 Nominated groups
  'competition_assignment', // 评分分工 Judges' assignment
  'competition_score', // 评分表 Score sheet
  'competition_objection', // 排名异议 Objection
  'competition_year_score', // 其他考评得分 Other evaluation score
] as const;
export const ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'lock',
  'logout',
  'change_password',
  'reset_password',
  'unlock',
  'disable',
  'revoke_sessions',
  'revoke_session',
  'seed_demo',
  'pair', // 结对 Pair
  'unpair', // 解除结对 Unpair
  'import_create', // 导入新增 Created by import
  'import_update', // 导入变更 Changed by import
  'upload', // 上传 Upload
  'commit', // 确认导入 Confirm import
  'start_activation', // 开始启用 Start activation
  'activate', // 启用 Activate
  'activation_failed', // 启用失败 Activation failed
  'start', // 开始整改 Started
  'submit', // 提交 Submitted
  'verify', // 核实销号 Verified and closed
  'send_back', // 退回 Sent back
  'reopen', // 重开 Reopened
  'assign', // 交办 Assigned
  'escalate', // 上报镇级 Escalated
  'auto_escalate', // 逾期自动上报 Escalated when overdue
  'add_evidence', // 上传佐证 Evidence added
  'mark_overdue', // 标记逾期 Marked overdue
  'issue', // 下发 Issued
  'archive', // 撤销 Archived
  'save', // 保存 Saved
  'draw', // 抽样 Drawn
  'redraw', // 重新抽样 Redrawn
  'nominate', // 自报 Nominated
  'replace', // 更正 Corrected
  'close', // 结束评分 Scoring closed
  'publish', // 发布通报 Published
  'withdraw', // 撤回通报 Withdrawn
  'finalise', // 确认排名 Finalised
  'raise', // 提出异议 Objection raised
  'answer', // 答复 Answered
] as const;

export function useAuditLabels() {
  const label = useDynamicLabel();
  const lang = useLang();
  return {
    entityType: (code: string) => label(`audit.entityTypes.${code}`, code),
    action: (code: string) => label(`audit.actions.${code}`, code),
    /** a field of before/after: the audit's own names first, then the shared field catalogue */
    field: (name: string) => label(`audit.fields.${name}`, hasMessage(`field.${name}`) ? translate(lang, `field.${name}`) : name),
  };
}

/** The colour of an action's tag: red for what removes or refuses, green for what creates. */
export function actionColor(action: string): string {
  if (
    [
      'delete',
      'disable',
      'lock',
      'login_failed',
      'revoke_sessions',
      'revoke_session',
      'unpair',
      'activation_failed',
      'send_back',
      'reopen',
      'mark_overdue',
      'auto_escalate',
      'archive',
      'redraw',
      'withdraw',
    ].includes(action)
  )
    return 'red';
  if (['create', 'seed_demo', 'import_create', 'activate', 'verify', 'issue', 'publish', 'finalise'].includes(action))
    return 'green';
  if (['login', 'logout'].includes(action)) return 'default';
  return 'blue';
}
