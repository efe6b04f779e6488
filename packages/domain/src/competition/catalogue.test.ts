/** The competition's messages: every key its checks give exists in Chinese and English and reads right. */
import { describe, expect, it } from 'vitest';
import { describeFieldError } from '../i18n/issues';
import { hasMessage, type Lang, translate } from '../i18n/messages';
import { ROUND_STATUS_KEYS, ROUND_STATUS_LABELS, ROUND_STATUSES } from './round';

const KEYS = [
  'competition.two_decimals',
  'competition.item_code',
  'competition.unknown_office',
  'competition.parts_total',
  'competition.items_total',
  'competition.item_code_twice',
  'competition.office_required',
  'competition.score_range',
  'competition.score_decimals',
  'competition.score_missing',
  'competition.unknown_item',
  'competition.no_households',
  'competition.no_groups',
  'competition.group_count',
  'competition.own_village',
  'competition.weight_range',
  'competition.not_in_publicity',
  'competition.objection_outside_period',
  'competition.objection_answered',
  'competition.period_not_ended',
  'competition.objections_open',
  'competition.objection_upheld',
  'competition.round_wrong_state',
  'competition.scores_missing',
  'competition.needs_note',
  'competition.not_finalisable',
  ...Object.values(ROUND_STATUS_KEYS),
  // the field labels of the competition's paths
  ...[
    'points',
    'max',
    'office',
    'items',
    'criteria',
    'nameEn',
    'groupIds',
    'competitionWeight',
    'otherScore',
    'sampleSize',
    'seed',
    'rewards',
    'deductions',
    'publicityDays',
    'month',
    'answer',
    'outcome',
  ].map((f) => `field.${f}`),
  // keys of other modules the competition's checks give
  'issue.duplicate',
  'issue.money',
  'GROUP_NOT_IN_VILLAGE',
];

const han = /\p{Script=Han}/u;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the competition’s catalogue keys', () => {
  it.each(KEYS)('%s exists in Chinese and in English', (key) => {
    expect(hasMessage(key)).toBe(true);
    const zh = translate('zh-CN', key);
    const en = translate('en', key);
    expect(zh).toMatch(han);
    expect(en).not.toMatch(han);
    expect(placeholders(en)).toEqual(placeholders(zh));
  });

  it('round statuses read as their labels', () => {
    for (const status of ROUND_STATUSES) {
      expect(translate('zh-CN', ROUND_STATUS_KEYS[status])).toBe(ROUND_STATUS_LABELS[status].zh);
      expect(translate('en', ROUND_STATUS_KEYS[status])).toBe(ROUND_STATUS_LABELS[status].en);
    }
  });
});

describe('sentences a judge or the office reads', () => {
  it.each<[Lang, string, string, Record<string, string | number>, string]>([
    ['zh-CN', 'village.v_grain', 'competition.score_range', { item: '粮食生产', max: 4 }, '「粮食生产」的得分应在 0 到 4 分之间'],
    [
      'en',
      'village.v_grain',
      'competition.score_range',
      { item: '粮食生产', max: 4 },
      'the score of "粮食生产" must be between 0 and 4',
    ],
    ['zh-CN', 'village.v_new', 'competition.unknown_item', { code: 'v_new' }, '评分项 v_new 不在评分细则中'],
    ['zh-CN', 'households.h_policy', 'competition.score_missing', { item: '政策落实' }, '「政策落实」尚未评分'],
    ['zh-CN', '', 'competition.parts_total', {}, '看户、看组、看村三部分满分合计应为 100 分'],
    ['zh-CN', 'households.items', 'competition.items_total', {}, '「评分项」：本部分各评分项分值之和应等于本部分满分'],
    ['zh-CN', 'village.items.2.office', 'competition.office_required', {}, '「牵头部门」：看村的每个评分项须指定牵头部门'],
    ['en', 'groups.max', 'competition.two_decimals', {}, 'Maximum: at most two decimals'],
    [
      'zh-CN',
      'competitionWeight',
      'competition.weight_range',
      {},
      '「大比武得分占比」：大比武得分占年终考评的比例应在 0.5 到 1 之间（不低于 50%）',
    ],
    ['zh-CN', 'groupIds', 'competition.group_count', { count: 2 }, '「自报小组」：每个村应自报 2 个小组'],
    [
      'zh-CN',
      '',
      'competition.objection_outside_period',
      { start: '2020-03-30', end: '2020-04-03' },
      '只能在公示期内（2020-03-30 至 2020-04-03）提出异议',
    ],
    ['en', '', 'competition.objections_open', { count: 2 }, '2 objections are not answered yet'],
  ])('%s %s %s', (lang, path, key, params, text) => {
    expect(describeFieldError(lang, { path, key, params })).toBe(text);
  });
});
