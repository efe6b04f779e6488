import { defaultRuleSet, MARITAL_STATUSES, SCHOOLING_STAGES } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { formatParam, fromPercent, listVocabulary, nextRuleId, paramType, toPercent } from './params';

const rules = defaultRuleSet(2026).rules;
const rule = (id: string) => rules.find((r) => r.id === id)!;

describe('parameter editors', () => {
  it('edits a threshold the explanation shows as :pct as a percentage, others as numbers', () => {
    expect(paramType(rule('K1'), 'threshold', 0.4)).toBe('percent');
    expect(paramType(rule('K2'), 'threshold', 0.5)).toBe('number');
    expect(paramType(rule('K10'), 'minAge', 45)).toBe('number');
    expect(paramType(rule('K5'), 'stages', ['senior'])).toBe('list');
  });

  it('converts percentages without floating-point noise', () => {
    expect(toPercent(0.3)).toBe(30);
    expect(toPercent(0.07)).toBe(7);
    expect(fromPercent(30)).toBe(0.3);
    expect(fromPercent(12.5)).toBe(0.125);
  });

  it('finds the vocabulary of a list from the condition, else from its codes', () => {
    expect(listVocabulary(rule('K5'), 'stages', [])).toBe(SCHOOLING_STAGES);
    expect(listVocabulary(rule('K10'), 'statuses', [])).toBe(MARITAL_STATUSES);
    expect(listVocabulary({ when: 'x', explain: { zh: '', en: '' } }, 'p', ['widowed'])).toBe(MARITAL_STATUSES);
    expect(listVocabulary({ when: 'x', explain: { zh: '', en: '' } }, 'p', ['a', 'b'])).toBeNull();
  });

  it('shows parameters as the township reads them', () => {
    expect(formatParam(rule('K1'), 'threshold', 0.4, 'zh-CN', ['是', '否'])).toBe('40%');
    expect(formatParam(rule('K10'), 'statuses', ['unmarried', 'divorced', 'widowed'], 'zh-CN', ['是', '否'])).toBe(
      '未婚、离婚、丧偶',
    );
    expect(formatParam(rule('K10'), 'statuses', ['widowed'], 'en', ['yes', 'no'])).toBe('Widowed');
  });

  it('suggests the next free category id', () => {
    expect(nextRuleId(rules.map((r) => r.id))).toBe('K11');
    expect(nextRuleId(['M', 'R'])).toBe('K1');
    expect(nextRuleId(['K1', 'K3'])).toBe('K4');
  });
});
