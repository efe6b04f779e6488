import { describe, expect, it } from 'vitest';
import { SECTORS } from '../roles';
import { DEFAULT_CHECKLISTS, type Evidence, SECTORS_INSPECTED, SITE_KINDS } from './sites';

const EVIDENCE: readonly Evidence[] = ['photo', 'document', 'none'];
const LISTS = Object.entries(DEFAULT_CHECKLISTS);

describe('site kinds and sectors', () => {
  it.each(Object.entries({ ...SITE_KINDS, ...SECTORS_INSPECTED }))('%s is labelled in both languages', (_code, label) => {
    expect(label.zh.trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
  });

  it('the sectors inspected are the sectors a sector leader is assigned to', () => {
    expect(Object.keys(SECTORS_INSPECTED).sort()).toEqual([...SECTORS].sort());
  });

  it('no code is both a site kind and a sector', () => {
    expect(Object.keys(SITE_KINDS).filter((k) => k in SECTORS_INSPECTED)).toEqual([]);
  });

  it('the checklists are exactly those of the site kinds and the sectors', () => {
    expect(Object.keys(DEFAULT_CHECKLISTS).sort()).toEqual(
      [...Object.keys(SITE_KINDS), ...Object.keys(SECTORS_INSPECTED)].sort(),
    );
  });

  it.each(Object.keys(SECTORS_INSPECTED))('sector %s has a checklist', (sector) => {
    expect(DEFAULT_CHECKLISTS[sector]?.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(SITE_KINDS))('site kind %s has a checklist', (kind) => {
    expect(DEFAULT_CHECKLISTS[kind]?.length).toBeGreaterThan(0);
  });
});

describe('default checklists', () => {
  it.each(LISTS)('%s: item codes are unique', (_list, items) => {
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('item codes are unique across all lists too (a finding names its item by code alone)', () => {
    const codes = LISTS.flatMap(([, items]) => items.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(LISTS)('%s: every item has a code, a text and an evidence kind', (_list, items) => {
    for (const item of items) {
      expect(item.code).toMatch(/^[a-z]+\d+$/);
      expect(item.text.trim()).not.toBe('');
      expect(EVIDENCE).toContain(item.evidence);
    }
  });

  it.each(LISTS)('%s: item texts are unique', (_list, items) => {
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
  });
});
