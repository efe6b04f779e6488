import { defaultRuleSet } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { copyForYear, orderVersions, type RuleSetVersion, sameDayIn, sortFlagIds } from './model';

const version = (id: string, status: RuleSetVersion['status']) => ({ id, status }) as RuleSetVersion;

describe('rule versions', () => {
  it('lists the active version first, keeping the server’s order otherwise', () => {
    const items = [version('d2', 'draft'), version('r1', 'retired'), version('a1', 'active'), version('d1', 'draft')];
    expect(orderVersions(items).map((v) => v.id)).toEqual(['a1', 'd2', 'd1', 'r1']);
  });

  it('copies a definition into the next year, moving the reference date', () => {
    const d = defaultRuleSet(2026);
    const next = copyForYear(d, 2027);
    expect(next.year).toBe(2027);
    expect(next.referenceDate).toBe('2027-03-10');
    expect(next.rules).toEqual(d.rules);
    expect(next.rules).not.toBe(d.rules);
    expect(sameDayIn('2024-02-29', 2025)).toBe('2025-02-28');
  });
});

describe('sortFlagIds', () => {
  it('follows the rule set when it is known', () => {
    expect(sortFlagIds(['R', 'K10', 'K3', 'K1'], ['K1', 'K2', 'K3', 'K10', 'M', 'R'])).toEqual(['K1', 'K3', 'K10', 'R']);
  });

  it('reads K2 before K10 otherwise, the key categories first', () => {
    expect(sortFlagIds(['M', 'K10', 'K2', 'A1'])).toEqual(['K2', 'K10', 'A1', 'M']);
  });
});
