import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdNumber, type IdNumberProblem, idCheckChar, isRealDate, maskIdNumber, parseIdNumber, type Sex } from './idcard';

/**
 * An independent ISO 7064 MOD 11-2 implementation (the iterative "pure system" form, not the
 * weight table of the code under test): P ← (P + digit) × 2 mod 11, then the check value c
 * makes (P + c) mod 11 = 1; 10 is written X.
 */
function referenceCheckChar(first17: string): string {
  let p = 0;
  for (const ch of first17) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

const TODAY = '2020-03-10';

describe('referenceCheckChar (the oracle itself)', () => {
  it.each([
    // the two examples printed in GB 11643-1999
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => {
    expect(referenceCheckChar(first17)).toBe(check);
  });
});

describe('idCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['36040219900101123', '6'],
    ['36990119750310002', '8'],
    ['36990120000229001', '6'],
    ['53010219991231987', '8'],
    ['00000000000000000', '1'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  it('agrees with the iterative ISO 7064 MOD 11-2 computation for any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCheckChar(first17)).toBe(referenceCheckChar(first17));
      }),
      { numRuns: 500 },
    );
  });

  it('produces every one of the eleven check characters', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) seen.add(idCheckChar(String(n).padStart(17, '0')));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('isRealDate', () => {
  it.each([
    [2020, 1, 1, true],
    [2020, 1, 31, true],
    [2020, 1, 32, false],
    [2020, 2, 29, true], // leap year
    [2020, 2, 30, false],
    [2019, 2, 28, true],
    [2019, 2, 29, false], // not a leap year
    [2000, 2, 29, true], // divisible by 400
    [1900, 2, 29, false], // divisible by 100, not by 400
    [2100, 2, 29, false],
    [1990, 2, 31, false],
    [2020, 4, 30, true],
    [2020, 4, 31, false],
    [2020, 6, 31, false],
    [2020, 9, 31, false],
    [2020, 11, 31, false],
    [2020, 12, 31, true],
    [2020, 12, 32, false],
    [2020, 0, 1, false],
    [2020, 13, 1, false],
    [2020, 1, 0, false],
    [2020, -1, 1, false],
  ])('%i-%i-%i → %s', (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it.each<[string, string, Sex, string]>([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['360402199001011236', '1990-01-01', 'male', '360402'],
    ['369901197503100028', '1975-03-10', 'female', '369901'],
    ['369901200002290016', '2000-02-29', 'male', '369901'], // 29 Feb of a leap year
    ['369901200402290023', '2004-02-29', 'female', '369901'],
    ['369901190101011012', '1901-01-01', 'male', '369901'],
    ['530102199912319878', '1999-12-31', 'male', '530102'],
    ['369901190001010012', '1900-01-01', 'male', '369901'], // the first accepted day
    ['360402202003101002', '2020-03-10', 'female', '360402'], // born on `today` itself
  ])('%s → born %s, %s, area %s', (raw, birthDate, sex, areaCode) => {
    expect(parseIdNumber(raw, TODAY)).toEqual({ ok: true, facts: { normalized: raw, birthDate, sex, areaCode } });
  });

  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['  11010519491231002x ', '11010519491231002X'],
    ['\t360402199001011236\n', '360402199001011236'],
  ])('normalizes %j to %s', (raw, normalized) => {
    const result = parseIdNumber(raw, TODAY);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.facts.normalized).toBe(normalized);
  });

  it.each<[string, Sex]>([
    ['1', 'male'],
    ['3', 'male'],
    ['5', 'male'],
    ['7', 'male'],
    ['9', 'male'],
    ['0', 'female'],
    ['2', 'female'],
    ['4', 'female'],
    ['6', 'female'],
    ['8', 'female'],
  ])('17th digit %s → %s', (digit, sex) => {
    const first17 = `3699011975031000${digit}`;
    const result = parseIdNumber(first17 + referenceCheckChar(first17), TODAY);
    expect(result).toMatchObject({ ok: true, facts: { sex } });
  });
});

describe('parseIdNumber: refused numbers', () => {
  it.each<[string, string, IdNumberProblem]>([
    ['wrong check digit', '110105194912310021', 'check_digit'],
    ['wrong check digit (digit instead of X)', '110105194912310020', 'check_digit'],
    ['wrong check digit (X instead of digit)', '36040219900101123X', 'check_digit'],
    ['one digit changed', '360402199001011246', 'check_digit'],
    ['two digits swapped', '360402199001012136', 'check_digit'],
    ['31 February', '369901199002310018', 'birth_date'],
    ['29 February of a non-leap year', '369901200102290013', 'birth_date'],
    ['29 February 1900 (not a leap year)', '36990119000229001X', 'birth_date'],
    ['month 13', '369901199013010011', 'birth_date'],
    ['month 00', '369901199000010011', 'birth_date'],
    ['day 00', '369901199001000011', 'birth_date'],
    ['day 32', '369901199001320011', 'birth_date'],
    ['born before 1900 (valid check digit, GB 11643 example)', '440524188001010014', 'birth_date'],
    ['born 1899-12-31', '369901189912310018', 'birth_date'],
    ['born the day after today', '369901202003110012', 'future_birth'],
    ['born years in the future', '369901203001010011', 'future_birth'],
    ['17 characters', '11010519491231002', 'length'],
    ['19 characters', '11010519491231002X0', 'length'],
    ['15-digit first-generation number', '110105491231002', 'length'],
    ['empty', '', 'length'],
    ['only spaces', '                  ', 'length'],
    ['letter in the middle', '1101051949A231002X', 'characters'],
    ['X not in last place', '11010519491231X021', 'characters'],
    ['letter other than X at the end', '11010519491231002Z', 'characters'],
    ['inner space', '110105 9491231002X', 'characters'],
    ['hyphen', '110105-19491231002', 'characters'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', 'characters'],
  ])('%s: %j → %s', (_label, raw, problem) => {
    expect(parseIdNumber(raw, TODAY)).toEqual({ ok: false, problem });
  });

  it('reports a future birth date relative to the `today` it is given, not the clock', () => {
    const raw = '369901202003110012'; // born 2020-03-11
    expect(parseIdNumber(raw, '2020-03-10')).toEqual({ ok: false, problem: 'future_birth' });
    expect(parseIdNumber(raw, '2020-03-11')).toMatchObject({ ok: true });
    expect(parseIdNumber(raw, '2030-01-01')).toMatchObject({ ok: true });
  });

  it('refuses every single-digit change of a valid number (MOD 11-2 catches any one substitution)', () => {
    const valid = '360402199001011236';
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789X') {
        if (ch === valid[i] || (ch === 'X' && i < 17)) continue;
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(parseIdNumber(changed, '2099-12-31').ok, changed).toBe(false);
      }
    }
  });
});

describe('maskIdNumber', () => {
  it.each<[string | null | undefined, string | null]>([
    ['360402199001011234', '3604**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['11010519491231002x', '1101**********002x'],
    ['12345', '*****'],
    ['11010519491231002', '*****************'],
    ['11010519491231002X0', '*******************'],
    ['110105491231002', '***************'],
    ['', ''],
    [null, null],
    [undefined, null],
  ])('%j → %j', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });

  it('keeps the length and never reveals the birth date', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked?.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked?.slice(4, 14)).toBe('**********');
        expect(masked?.slice(14)).toBe(id.slice(14));
      }),
    );
  });
});

describe('buildIdNumber', () => {
  it.each<[number, Sex, string]>([
    [0, 'male', '001'],
    [0, 'female', '000'],
    [1, 'male', '001'],
    [1, 'female', '002'],
    [2, 'male', '003'],
    [998, 'male', '999'],
    [998, 'female', '998'],
    [999, 'male', '999'],
    [999, 'female', '998'],
    [1000, 'female', '000'],
    [1234, 'male', '235'],
    [-7, 'male', '007'],
    [-8, 'male', '009'],
    [1.9, 'female', '002'],
  ])('sequence %d for %s → sequence digits %s', (sequence, sex, digits) => {
    const id = buildIdNumber('369901', '1975-03-10', sequence, sex);
    expect(id.slice(14, 17)).toBe(digits);
    expect(id).toHaveLength(18);
    expect(id.slice(0, 14)).toBe('36990119750310');
    expect(id[17]).toBe(referenceCheckChar(id.slice(0, 17)));
  });

  it('round-trips through parseIdNumber with the requested birth date, area and sex', () => {
    const areaCode = fc.integer({ min: 110000, max: 829999 }).map(String);
    const birthDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-03-10T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const sequence = fc.oneof(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    const sex = fc.constantFrom<Sex>('male', 'female');
    fc.assert(
      fc.property(areaCode, birthDate, sequence, sex, (area, birth, seq, s) => {
        const id = buildIdNumber(area, birth, seq, s);
        const parsed = parseIdNumber(id, TODAY);
        expect(parsed).toEqual({ ok: true, facts: { normalized: id, birthDate: birth, sex: s, areaCode: area } });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the sequence unchanged when its parity already matches the sex', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (seq) => {
        const s: Sex = seq % 2 === 1 ? 'male' : 'female';
        expect(buildIdNumber('369901', '1990-01-01', seq, s).slice(14, 17)).toBe(String(seq).padStart(3, '0'));
      }),
    );
  });
});
