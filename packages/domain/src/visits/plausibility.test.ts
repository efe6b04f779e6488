import { describe, expect, it } from 'vitest';
import { checkPlausibility, DEFAULT_PLAUSIBILITY, distanceMetres } from './plausibility';

const R = 6_371_000;
/** Degrees of latitude that are `metres` along a meridian (exact for the haversine formula). */
const north = (metres: number) => (metres / R) * (180 / Math.PI);

const HOME = { latitude: 27.8, longitude: 114.9 };
const AT = new Date('2020-03-11T02:00:00Z');
const minutes = (m: number) => new Date(AT.getTime() + m * 60_000);

describe('distanceMetres', () => {
  it.each<[string, { latitude: number; longitude: number }, { latitude: number; longitude: number }, number, number]>([
    ['the same point', HOME, HOME, 0, 0],
    ['one degree of latitude', { latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 }, 111_195, 1],
    ['one degree of longitude at the equator', { latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 }, 111_195, 1],
    ['one degree of longitude at 60°N (half as far)', { latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 }, 55_597, 2],
    ['across the antimeridian', { latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 }, 111_195, 1],
    ['pole to pole', { latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 }, Math.PI * R, 1],
    ['1 km north', HOME, { latitude: HOME.latitude + north(1000), longitude: HOME.longitude }, 1000, 1e-6],
  ])('%s', (_label, a, b, metres, tolerance) => {
    expect(Math.abs(distanceMetres(a, b) - metres)).toBeLessThanOrEqual(tolerance);
  });

  it('is symmetric', () => {
    const a = { latitude: 27.81, longitude: 114.92 };
    expect(distanceMetres(a, HOME)).toBe(distanceMetres(HOME, a));
  });
});

describe('checkPlausibility: far from home', () => {
  it('defaults to 1 km and 5 minutes', () => {
    expect(DEFAULT_PLAUSIBILITY).toEqual({ maxDistanceMetres: 1000, minMinutesBetween: 5 });
  });

  // Metres are rounded before the comparison: 1000.4 m is 1000 m and on time, 1000.6 m is 1001 m.
  it.each<[number, number | null]>([
    [0, null],
    [999, null],
    [1000, null],
    [1000.4, null],
    [1000.6, 1001],
    [1001, 1001],
    [5_000, 5000],
  ])('%s m from home → %s', (metres, flagged) => {
    const position = { latitude: HOME.latitude + north(metres), longitude: HOME.longitude };
    const flags = checkPlausibility({ visitedAt: AT, position, householdId: 'h1' }, HOME, []);
    expect(flags).toEqual(flagged === null ? [] : [{ code: 'far_from_home', metres: flagged }]);
  });

  it.each<[number, number, boolean]>([
    [50, 50, false],
    [50, 51, true],
    [0, 1, true],
    [0, 0, false],
  ])('with a limit of %i m, %i m away → flagged %s', (maxDistanceMetres, metres, flagged) => {
    const position = { latitude: HOME.latitude + north(metres), longitude: HOME.longitude };
    const flags = checkPlausibility({ visitedAt: AT, position, householdId: 'h1' }, HOME, [], {
      ...DEFAULT_PLAUSIBILITY,
      maxDistanceMetres,
    });
    expect(flags.length > 0).toBe(flagged);
  });

  it.each<
    [string, { latitude: number; longitude: number } | null, { latitude: number | null; longitude: number | null }, number]
  >([
    ['the phone gave no position', null, HOME, 0],
    ['the household has no position', { latitude: 30, longitude: 110 }, { latitude: null, longitude: null }, 0],
    ['the household has half a position', { latitude: 30, longitude: 110 }, { latitude: 27.8, longitude: null }, 0],
    ['the household has half a position (latitude)', { latitude: 30, longitude: 110 }, { latitude: null, longitude: 114.9 }, 0],
    // 0 is a position, not a missing one
    ['a household on the equator', { latitude: 1, longitude: 0 }, { latitude: 0, longitude: 0 }, 1],
  ])('%s → %i flags', (_label, position, home, n) => {
    expect(checkPlausibility({ visitedAt: AT, position, householdId: 'h1' }, home, [])).toHaveLength(n);
  });
});

describe('checkPlausibility: too quick', () => {
  it.each<[number, number | null]>([
    [0, 0],
    [1, 1],
    [4.9, 4.9],
    [4.99, 5], // shown rounded to a tenth, still under five
    [-4.9, 4.9], // the other visit came after
    [5, null],
    [-5, null],
    [5.01, null],
    [60, null],
  ])('another household %s minutes apart → %s', (apart, shown) => {
    const flags = checkPlausibility({ visitedAt: AT, position: null, householdId: 'h1' }, HOME, [
      { visitedAt: minutes(apart), householdId: 'h2' },
    ]);
    expect(flags).toEqual(shown === null ? [] : [{ code: 'too_quick', minutes: shown, otherHouseholdId: 'h2' }]);
  });

  it('a second visit to the same household minutes later is not suspicious', () => {
    const flags = checkPlausibility({ visitedAt: AT, position: null, householdId: 'h1' }, HOME, [
      { visitedAt: minutes(1), householdId: 'h1' },
      { visitedAt: AT, householdId: 'h1' },
    ]);
    expect(flags).toEqual([]);
  });

  it('names the first close visit only', () => {
    const flags = checkPlausibility({ visitedAt: AT, position: null, householdId: 'h1' }, HOME, [
      { visitedAt: minutes(30), householdId: 'h2' },
      { visitedAt: minutes(2), householdId: 'h3' },
      { visitedAt: minutes(1), householdId: 'h4' },
    ]);
    expect(flags).toEqual([{ code: 'too_quick', minutes: 2, otherHouseholdId: 'h3' }]);
  });

  it.each<[number, number, boolean]>([
    [10, 9.9, true],
    [10, 10, false],
    [0, 0, false], // a zero limit turns the check off
  ])('with a limit of %i minutes, %s minutes apart → flagged %s', (minMinutesBetween, apart, flagged) => {
    const flags = checkPlausibility(
      { visitedAt: AT, position: null, householdId: 'h1' },
      HOME,
      [{ visitedAt: minutes(apart), householdId: 'h2' }],
      {
        ...DEFAULT_PLAUSIBILITY,
        minMinutesBetween,
      },
    );
    expect(flags.length > 0).toBe(flagged);
  });

  it('both flags together, distance first', () => {
    const position = { latitude: HOME.latitude + north(2000), longitude: HOME.longitude };
    const flags = checkPlausibility({ visitedAt: AT, position, householdId: 'h1' }, HOME, [
      { visitedAt: minutes(3), householdId: 'h2' },
    ]);
    expect(flags).toEqual([
      { code: 'far_from_home', metres: 2000 },
      { code: 'too_quick', minutes: 3, otherHouseholdId: 'h2' },
    ]);
  });
});
