import { HOUSING_GRADES, RELATIONS } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { codeLabel, codeOptions, formatYuan, tagLabel } from './vocab';

describe('code labels', () => {
  it('labels a code in either language and shows unknown codes as they are', () => {
    expect(codeLabel(RELATIONS, 'spouse', 'zh-CN')).toBe('配偶');
    expect(codeLabel(RELATIONS, 'spouse', 'en')).toBe('Spouse');
    expect(codeLabel(RELATIONS, 'cousin', 'zh-CN')).toBe('cousin');
    expect(codeLabel(RELATIONS, null, 'zh-CN')).toBe('');
  });

  it('lists options in the vocabulary’s own order', () => {
    expect(codeOptions(HOUSING_GRADES, 'zh-CN').map((o) => o.label)).toEqual(['A级', 'B级', 'C级（危房）', 'D级（危房）']);
  });

  it('labels tags from the township’s list, then the built-in ones', () => {
    const own = [{ code: 'veteran', labelZh: '退役军人户', labelEn: 'Veteran', builtIn: false }];
    expect(tagLabel('veteran', own, 'zh-CN')).toBe('退役军人户');
    expect(tagLabel('marginal', own, 'zh-CN')).toBe('边缘户');
    expect(tagLabel('unknown_tag', undefined, 'en')).toBe('unknown_tag');
  });
});

describe('formatYuan', () => {
  it('writes yuan with separators and no trailing zeros', () => {
    expect(formatYuan(12345.5, 'zh-CN')).toBe('12,345.5 元');
    expect(formatYuan(-800, 'en')).toBe('¥-800');
    expect(formatYuan(null, 'zh-CN')).toBe('—');
  });
});
