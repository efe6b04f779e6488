import { describe, expect, it } from 'vitest';
import { CsvLines } from './raw';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `"${prefix}${i}","张三丰${i}",${i}`);
const bytesOf = (c: CsvLines) => Buffer.concat(c.chunks()).toString('utf8');

describe('CsvLines', () => {
  it('gives every line, ended by a newline, as UTF-8 bytes', () => {
    const c = new CsvLines();
    const all = lines('a', 1000);
    for (const l of all) c.push(l);
    expect(c.length).toBe(1000);
    expect(bytesOf(c)).toBe(`${all.join('\n')}\n`);
    expect(c.text()).toBe(`${all.join('\n')}\n`);
    expect(new CsvLines().chunks()).toEqual([]);
  });

  it('fills more than one block, takes a line longer than a block, and reuses released blocks without mixing batches', () => {
    const first = new CsvLines();
    const many = lines('b', 30_000);
    for (const l of many) first.push(l);
    const long = `"${'长'.repeat(400_000)}"`;
    first.push(long);
    expect(first.chunks().length).toBeGreaterThan(1);
    expect(bytesOf(first)).toBe(`${[...many, long].join('\n')}\n`);
    first.release();
    const second = new CsvLines();
    const few = lines('c', 10);
    for (const l of few) second.push(l);
    expect(bytesOf(second)).toBe(`${few.join('\n')}\n`);
  });
});
