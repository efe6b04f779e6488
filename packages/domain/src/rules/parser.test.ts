/** The expression language: what parses, what is refused and where, and rule-set validation. */
import { describe, expect, it } from 'vitest';
import { ExpressionError } from './ast';
import { defaultRuleSet } from './defaults';
import { parseTemplate } from './explain';
import { parseExpression } from './parser';
import { validateRuleSet } from './ruleset';

function errorOf(source: string): { key: string; at: number } {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ExpressionError) return { key: e.key, at: e.at };
    throw e;
  }
  throw new Error(`${source} parsed`);
}

describe('parseExpression', () => {
  it.each([
    ['transferShare > 40%', { type: 'binary', op: '>', right: { type: 'number', value: 0.4 } }],
    ['not registered and x', { type: 'binary', op: 'and', left: { type: 'not' } }],
    ['a || b && c', { type: 'binary', op: 'or', right: { type: 'binary', op: 'and' } }],
    ['1 + 2 * 3', { type: 'binary', op: '+', right: { type: 'binary', op: '*' } }],
    ["count(members, health == 'serious') >= 1", { type: 'binary', left: { type: 'members', fn: 'count' } }],
    ['schoolingStage in [\'senior\', "college"]', { type: 'binary', op: 'in', right: { type: 'list' } }],
    ['-x < -1.5', { type: 'binary', left: { type: 'negate' } }],
    ['家庭人口 > 3', { type: 'binary', left: { type: 'name', name: '家庭人口' } }],
  ])('parses %s', (source, shape) => {
    expect(parseExpression(source)).toMatchObject(shape);
  });

  it.each([
    ['transferShare >', 'rules.unexpected_end', 15],
    ['transferShare > > 1', 'rules.unexpected', 16],
    ['a < b < c', 'rules.chained_comparison', 6],
    ["name == 'open", 'rules.unclosed_string', 8],
    ['a # b', 'rules.unexpected_char', 2],
    ['(a and b', 'rules.expected', 8],
    ['median(members, age)', 'rules.unknown_function', 0],
    ['count(people, age > 1)', 'rules.expected', 6],
    ['a b', 'rules.unexpected', 2],
  ])('refuses %s with %s at %i', (source, key, at) => {
    expect(errorOf(source)).toEqual({ key, at });
  });
});

describe('parseTemplate', () => {
  it('splits text and expressions, with formats and escaped braces', () => {
    const parts = parseTemplate('占比 {transferShare:pct} > {threshold:pct} {{注}}');
    expect(parts.map((p) => (typeof p === 'string' ? p : p.format))).toEqual(['占比 ', 'pct', ' > ', 'pct', ' {注}']);
  });

  it('gives the position of an error inside a placeholder', () => {
    try {
      parseTemplate('人均 {perCapitaIncome +} 元');
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).at).toBe(4 + 1 + 16);
    }
  });
});

describe('validateRuleSet', () => {
  it('accepts the default rule set', () => {
    expect(validateRuleSet(defaultRuleSet(2020)).ok).toBe(true);
  });

  it.each<[string, (s: ReturnType<typeof defaultRuleSet>) => void, { path: string; key: string }]>([
    [
      'an unknown name',
      (s) => Object.assign(s.rules[0] as object, { when: 'transferRatio > threshold' }),
      { path: 'rules.0.when', key: 'rules.unknown_name' },
    ],
    [
      'a member value outside count()',
      (s) => Object.assign(s.rules[0] as object, { when: 'age > 45' }),
      { path: 'rules.0.when', key: 'rules.member_name_outside' },
    ],
    [
      'keyFlags in a key rule',
      (s) => Object.assign(s.rules[0] as object, { when: 'keyFlags > 1' }),
      { path: 'rules.0.when', key: 'rules.key_flags_in_key' },
    ],
    [
      'a duplicate id',
      (s) => Object.assign(s.rules[1] as object, { id: 'K1' }),
      { path: 'rules.1.id', key: 'rules.duplicate_id' },
    ],
    [
      'a parameter shadowing a value',
      (s) => Object.assign(s.rules[0] as object, { params: { transferShare: 1 } }),
      { path: 'rules.0.params.transferShare', key: 'rules.param_shadows' },
    ],
    [
      'a broken explanation',
      (s) => Object.assign(s.rules[0] as object, { explain: { zh: '{transferShare', en: 'x' } }),
      { path: 'rules.0.explain.zh', key: 'rules.unclosed_brace' },
    ],
  ])('reports %s with its path', (_l, mutate, problem) => {
    const set = defaultRuleSet(2020);
    mutate(set);
    const result = validateRuleSet(set);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining(problem));
  });

  it('lets a township add its own category (the seed’s 等等)', () => {
    const set = defaultRuleSet(2020);
    set.rules.splice(10, 0, {
      id: 'T1',
      kind: 'key',
      name: { zh: '家中有2个以上残疾人', en: 'Two or more disabled members' },
      params: { minimum: 2 },
      when: "count(members, health == 'disabled') >= minimum",
      explain: {
        zh: "家中有 {count(members, health == 'disabled')} 个残疾人",
        en: "{count(members, health == 'disabled')} disabled members",
      },
      enabled: true,
    });
    expect(validateRuleSet(set).ok).toBe(true);
  });
});
