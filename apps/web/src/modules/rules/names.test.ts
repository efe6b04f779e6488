import { HOUSEHOLD_NAMES, MEMBER_NAMES } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { rulesEn } from './i18n/en';
import { rulesZhCN } from './i18n/zh-CN';

describe('the help of the expression editor', () => {
  it('describes every name the language knows, in both languages', () => {
    for (const texts of [rulesZhCN.names, rulesEn.names]) {
      expect(Object.keys(texts.household).sort()).toEqual(Object.keys(HOUSEHOLD_NAMES).sort());
      expect(Object.keys(texts.member).sort()).toEqual(Object.keys(MEMBER_NAMES).sort());
    }
  });
});
