import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLE_SIZE,
  drawSample,
  fnv1a32,
  isEligibleForSample,
  mulberry32,
  SAMPLING_METHOD,
  SAMPLING_VERSION,
  type SampleRecord,
  sampleSeedSchema,
  sampleSizeSchema,
  samplingPopulation,
  verifySample,
} from './sampling';

/** Twelve households h01 … h12. */
const TWELVE = Array.from({ length: 12 }, (_, i) => `h${String(i + 1).padStart(2, '0')}`);

const UUIDS = [
  '6f1c1c2e-0c4b-4f6a-9a57-3b1a2f0c9d01',
  '0a8e4b7c-5d2f-4e61-8c3a-1b2d3e4f5a6b',
  'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
  '1d2c3b4a-5e6f-4a7b-9c8d-0e1f2a3b4c5d',
  '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  '4b5a6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
  'e2f3a4b5-c6d7-4e8f-8a9b-0c1d2e3f4a5b',
  '7a6b5c4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d',
];

/** A reversed and shuffled copy with duplicates, to show the input order does not count. */
function scrambled(ids: readonly string[]): string[] {
  const copy = [...ids].reverse();
  return [...copy.filter((_, i) => i % 2 === 0), ...copy.filter((_, i) => i % 2 === 1), ids[0]!, ids[3]!];
}

describe('fnv1a32', () => {
  // the published FNV-1a test vectors, and a Chinese seed hashed as UTF-8
  it.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    ['2020-03 大比武', 0xc864eac9],
  ])('%j → %s', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('mulberry32', () => {
  // the reference implementation's first outputs (× 2^32)
  it.each<[number, number[]]>([
    [0, [1144304738, 1416247, 958946056, 627933444, 2007157716]],
    [1, [2693262067, 11749833, 2265367787, 4213581821, 4159151403]],
    [0xdeadbeef, [4043151706, 1147597007, 3315858022, 1538288752, 2042435954]],
  ])('seed %s', (seed, outputs) => {
    const next = mulberry32(seed);
    expect(outputs.map(() => next())).toEqual(outputs);
  });

  it('gives unsigned 32-bit integers', () => {
    const next = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const v = next();
      expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
    }
  });
});

describe('drawSample', () => {
  // Stored samples: the same on every machine, and what an independent reimplementation of the
  // method as documented (in Python) also gives.
  it.each<[string, string[]]>([
    ['2020-03', ['h09', 'h05', 'h11', 'h03', 'h12']],
    ['2020-04', ['h06', 'h01', 'h12', 'h09', 'h03']],
    ['fupin', ['h08', 'h02', 'h11', 'h03', 'h10']],
    ['三月大比武', ['h12', 'h01', 'h09', 'h05', 'h11']],
  ])('seed %j draws the stored sample', (seed, sample) => {
    expect(drawSample(TWELVE, 5, seed).sample).toEqual(sample);
  });

  it('draws the stored sample of UUIDs', () => {
    expect(drawSample(UUIDS, 3, 'a1b2c3d4e5f60718').sample).toEqual([
      '0a8e4b7c-5d2f-4e61-8c3a-1b2d3e4f5a6b',
      'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      '1d2c3b4a-5e6f-4a7b-9c8d-0e1f2a3b4c5d',
    ]);
  });

  it('the same seed gives the same sample every time', () => {
    const first = drawSample(TWELVE, 5, 'same');
    for (let i = 0; i < 5; i++) expect(drawSample(TWELVE, 5, 'same')).toEqual(first);
  });

  it.each([
    ['2020-03', '2020-04'],
    ['a', 'b'],
    ['seed', 'seed '],
    ['大比武', '大比賽'],
  ])('seeds %j and %j give different samples', (a, b) => {
    expect(drawSample(TWELVE, 5, a).sample).not.toEqual(drawSample(TWELVE, 5, b).sample);
  });

  it.each([[TWELVE], [UUIDS]])('the order of the input does not matter, nor duplicates (%#)', (ids) => {
    for (const seed of ['x', 'y', '2020-05']) {
      expect(drawSample(scrambled(ids), 3, seed)).toEqual(drawSample(ids, 3, seed));
    }
  });

  it.each<[number, number, number]>([
    [12, 5, 5],
    [12, 12, 12],
    [12, 13, 12],
    [12, 100, 12],
    [12, 0, 0],
    [1, 1, 1],
    [1, 5, 1],
    [0, 5, 0],
    [0, 0, 0],
  ])('from %s households, a sample of %s has %s', (n, size, drawn) => {
    const record = drawSample(TWELVE.slice(0, n), size, 'size');
    expect(record.sample).toHaveLength(drawn);
    expect(new Set(record.sample).size).toBe(drawn);
    for (const id of record.sample) expect(TWELVE.slice(0, n)).toContain(id);
  });

  it('a sample as large as the population is all of it', () => {
    expect([...drawSample(TWELVE, 12, 'all').sample].sort()).toEqual(TWELVE);
    expect([...drawSample(TWELVE, 50, 'all').sample].sort()).toEqual(TWELVE);
  });

  it('a larger sample with the same seed starts with the smaller one (draw order)', () => {
    const small = drawSample(TWELVE, 3, 'grow').sample;
    expect(drawSample(TWELVE, 6, 'grow').sample.slice(0, 3)).toEqual(small);
  });

  it('records what a redraw needs', () => {
    const record = drawSample(scrambled(TWELVE), 5, '2020-03');
    expect(record).toEqual({
      method: SAMPLING_METHOD,
      version: SAMPLING_VERSION,
      seed: '2020-03',
      size: 5,
      population: TWELVE,
      sample: ['h09', 'h05', 'h11', 'h03', 'h12'],
    });
    expect(SAMPLING_METHOD).toBe('fnv1a32-mulberry32-fisher-yates');
    expect(SAMPLING_VERSION).toBe(1);
  });

  it('draws every household about equally often', () => {
    const counts = new Map(TWELVE.map((id) => [id, 0]));
    for (let i = 0; i < 1200; i++) for (const id of drawSample(TWELVE, 3, `s${i}`).sample) counts.set(id, counts.get(id)! + 1);
    // 1200 × 3 / 12 = 300 each on average
    for (const count of counts.values()) expect(count).toBeGreaterThan(230);
    for (const count of counts.values()) expect(count).toBeLessThan(370);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a sample size of %s', (size) => {
    expect(() => drawSample(TWELVE, size, 'x')).toThrow(RangeError);
  });
});

describe('verifySample', () => {
  const record = drawSample(TWELVE, 5, '2020-03');
  it.each<[string, Partial<SampleRecord>, boolean]>([
    ['the record as drawn', {}, true],
    ['another seed', { seed: '2020-04' }, false],
    ['a household swapped', { sample: ['h09', 'h05', 'h11', 'h03', 'h01'] }, false],
    ['the same households in another order', { sample: ['h05', 'h09', 'h11', 'h03', 'h12'] }, false],
    ['one household fewer', { sample: ['h09', 'h05', 'h11', 'h03'] }, false],
    ['another size', { size: 4 }, false],
    ['another population', { population: TWELVE.slice(1) }, false],
    ['an unsorted population', { population: [...TWELVE].reverse() }, false],
    ['another version', { version: 2 as 1 }, false],
    ['another method', { method: 'random' as typeof SAMPLING_METHOD }, false],
  ])('%s → %s', (_what, patch, ok) => {
    expect(verifySample({ ...record, ...patch })).toBe(ok);
  });
});

describe('samplingPopulation', () => {
  it.each<[string[], string[]]>([
    [[], []],
    [
      ['b', 'a', 'c', 'a'],
      ['a', 'b', 'c'],
    ],
    [
      ['B', 'a', 'A'],
      ['A', 'B', 'a'],
    ], // code units: capitals first
    [
      ['h10', 'h9', 'h1'],
      ['h1', 'h10', 'h9'],
    ], // text order, not numeric
  ])('%j → %j', (ids, population) => {
    expect(samplingPopulation(ids)).toEqual(population);
  });
});

describe('isEligibleForSample', () => {
  it.each<[string, Parameters<typeof isEligibleForSample>[0], boolean]>([
    ['registered, not yet out', { povertyStatus: 'not_out', tags: [], currentMembers: 3 }, true],
    ['registered, exited', { povertyStatus: 'exited', tags: [], currentMembers: 2 }, true],
    ['marginal', { povertyStatus: 'none', tags: ['marginal'], currentMembers: 1 }, true],
    ['marginal and key', { povertyStatus: 'none', tags: ['key', 'marginal'], currentMembers: 4 }, true],
    ['key only', { povertyStatus: 'none', tags: ['key'], currentMembers: 4 }, false],
    ['a township tag only', { povertyStatus: 'none', tags: ['other_key'], currentMembers: 4 }, false],
    ['neither', { povertyStatus: 'none', tags: [], currentMembers: 4 }, false],
    ['registered with no current members', { povertyStatus: 'not_out', tags: [], currentMembers: 0 }, false],
    ['marginal with no current members', { povertyStatus: 'none', tags: ['marginal'], currentMembers: 0 }, false],
  ])('%s → %s', (_what, household, eligible) => {
    expect(isEligibleForSample(household)).toBe(eligible);
  });
});

describe('settings', () => {
  it.each<[unknown, boolean]>([
    [DEFAULT_SAMPLE_SIZE, true],
    [1, true],
    [100, true],
    [0, false],
    [101, false],
    [2.5, false],
    ['5', false],
  ])('sample size %j → %s', (size, ok) => {
    expect(sampleSizeSchema.safeParse(size).success).toBe(ok);
  });

  it.each<[unknown, string | null]>([
    ['2020-03', '2020-03'],
    ['  a1b2  ', 'a1b2'],
    ['三月大比武', '三月大比武'],
    ['', null],
    ['   ', null],
    ['x'.repeat(65), null],
    [42, null],
  ])('seed %j → %j', (seed, parsed) => {
    const result = sampleSeedSchema.safeParse(seed);
    expect(result.success ? result.data : null).toBe(parsed);
  });
});
