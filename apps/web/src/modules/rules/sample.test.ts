import { compileRuleSet, defaultRuleSet } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { birthDateFor, sampleHousehold, toRuleHousehold } from './sample';

describe('the sample household of 试算', () => {
  it('makes an age typed in the page the age the rules count', () => {
    expect(birthDateFor(45, '2026-03-10')).toBe('1981-03-10');
    const set = defaultRuleSet(2026);
    const s = sampleHousehold();
    s.members = [{ ...s.members[0]!, age: 45, maritalStatus: 'unmarried' }];
    const ids = compileRuleSet(set).flagIds(toRuleHousehold(s, set.referenceDate));
    expect(ids).toContain('K10');
    s.members = [{ ...s.members[0]!, age: 44 }];
    expect(compileRuleSet(set).flagIds(toRuleHousehold(s, set.referenceDate))).not.toContain('K10');
  });

  it('fires K1 at a 30% threshold but not at the default 40%', () => {
    const set = defaultRuleSet(2026);
    const h = toRuleHousehold(sampleHousehold(), set.referenceDate);
    expect(compileRuleSet(set).flagIds(h)).not.toContain('K1');
    set.rules[0]!.params = { threshold: 0.3 };
    const flags = compileRuleSet(set).evaluate(h);
    expect(flags.find((f) => f.ruleId === 'K1')?.explanation.zh).toBe('转移性收入占比 35.2% > 30%');
  });
});
