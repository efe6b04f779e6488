import { defaultRuleSet } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples';
import { checkDraft, countUnder, problemsByPath, problemText, serverProblems, toDefinition, toEditable } from './validate';

const draft = () => toEditable(defaultRuleSet(2026));

describe('checkDraft', () => {
  it('finds nothing wrong with the default rules', () => {
    expect(checkDraft(draft())).toEqual([]);
  });

  it('names an unknown name in a condition with its 1-based position', () => {
    const d = draft();
    d.rules[0]!.when = 'transferShare > thresold';
    const problems = checkDraft(d);
    expect(problems).toEqual([{ path: 'rules.0.when', key: 'rules.unknown_name', params: { name: 'thresold', at: 17 } }]);
    expect(problemText('zh-CN', problems[0]!)).toBe('第 17 个字符处：不认识的名称「thresold」');
    expect(problemText('en', problems[0]!)).toBe('at character 17: unknown name "thresold"');
  });

  it('still checks expressions while another field is empty', () => {
    const d = draft();
    d.rules[1]!.name.zh = '';
    d.incomeLine = null;
    d.rules[2]!.when = 'labourers >= minimum and';
    const byPath = problemsByPath('zh-CN', checkDraft(d));
    expect(byPath.get('rules.1.name.zh')).toEqual(['必填']);
    expect(byPath.get('incomeLine')).toEqual(['必填']);
    expect(byPath.get('rules.2.when')?.[0]).toMatch(/^第 \d+ 个字符处：表达式不完整$/);
    expect(countUnder(byPath, 'rules.2')).toBe(1);
    expect(countUnder(byPath, 'rules.1')).toBe(1);
  });

  it('reports a labour weight over 1 and a repeated rule id', () => {
    const d = draft();
    d.labourWeights.normal = 1.5;
    d.rules[3]!.id = 'K1';
    const byPath = problemsByPath('zh-CN', checkDraft(d));
    expect(byPath.get('labourWeights.normal')).toEqual(['不能大于 1']);
    expect(byPath.get('rules.3.id')).toEqual(['规则编号 K1 重复']);
  });

  it('lets an empty English text take the Chinese one', () => {
    const d = draft();
    d.rules[0]!.name.en = '';
    d.rules[0]!.explain.en = ' ';
    expect(checkDraft(d)).toEqual([]);
    const saved = toDefinition(d).rules[0]!;
    expect(saved.name.en).toBe(saved.name.zh);
    expect(saved.explain.en).toBe(saved.explain.zh);
  });

  it('checks an explanation template and a parameter shadowing a value', () => {
    const d = draft();
    d.rules[0]!.explain.zh = '占比 {transferShare:pct';
    d.rules[1]!.params = { ...d.rules[1]!.params, age: 3 };
    const byPath = problemsByPath('zh-CN', checkDraft(d));
    expect(byPath.get('rules.0.explain.zh')?.[0]).toBe('第 4 个字符处：花括号没有闭合');
    expect(byPath.get('rules.1.params.age')?.[0]).toContain('age');
  });
});

describe('serverProblems', () => {
  it('strips the definition prefix of the server’s field paths', () => {
    const map = serverProblems([
      { path: 'definition.rules.0.when', message: '「条件表达式」：第 17 个字符处：不认识的名称「thresold」' },
    ]);
    expect([...map.keys()]).toEqual(['rules.0.when']);
  });
});

describe('the examples offered when adding a category', () => {
  it('are valid rules', () => {
    const d = draft();
    d.rules.push(...EXAMPLES.map((e, i) => ({ ...e, id: `X${i}`, enabled: true })));
    expect(checkDraft(d)).toEqual([]);
  });
});
