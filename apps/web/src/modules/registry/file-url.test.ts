import { describe, expect, it } from 'vitest';
import { fileNameOf, urlWithQuery } from './file-url';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name the server gives in filename*', () => {
    const header = `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('农户信息_2026-03-10.xlsx')}`;
    expect(fileNameOf(header)).toBe('农户信息_2026-03-10.xlsx');
  });

  it('falls back to the plain name, and to null without a header', () => {
    expect(fileNameOf('attachment; filename="template.xlsx"')).toBe('template.xlsx');
    expect(fileNameOf('attachment; filename*=UTF-8\'\'%E0%A4%A; filename="x.xlsx"')).toBe('x.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('urlWithQuery', () => {
  it('leaves out empty values', () => {
    expect(urlWithQuery('/api/registry/export.xlsx', { q: 'zs', villageId: undefined, tag: '', empty: 'true' })).toBe(
      '/api/registry/export.xlsx?q=zs&empty=true',
    );
    expect(urlWithQuery('/api/registry/export.xlsx', {})).toBe('/api/registry/export.xlsx');
  });
});
