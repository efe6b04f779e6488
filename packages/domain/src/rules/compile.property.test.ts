/**
 * The compiled evaluator and the plain interpreter agree: on random households, with random
 * parameters for the default rules, and on random expressions built from the whole language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from './ast';
import { compileNode } from './compile';
import { defaultRuleSet } from './defaults';
import { interpret } from './interpret';
import { parseExpression } from './parser';
import {
  derivation,
  deriveHousehold,
  emptyValues,
  HOUSEHOLD_NAMES,
  MEMBER_NAMES,
  type RuleHousehold,
  type RuleMember,
  type Value,
} from './values';

const CODES = {
  status: ['current', 'current', 'current', 'died', 'moved_out'],
  labour: ['skilled', 'normal', 'weak', 'lost', 'none', null],
  health: ['healthy', 'chronic', 'serious', 'disabled', null],
  stage: ['not_in_school', 'preschool', 'primary', 'junior', 'senior', 'secondary_vocational', 'college', 'postgraduate', null],
  marital: ['unmarried', 'married', 'divorced', 'widowed', null],
  employment: ['none', 'local', 'out_of_province', 'public_welfare_job', null],
};

const date = fc
  .integer({ min: Date.UTC(1925, 0, 1), max: Date.UTC(2020, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

const memberArb: fc.Arbitrary<RuleMember> = fc.record({
  status: fc.constantFrom(...CODES.status),
  birthDate: fc.option(date, { nil: null }),
  sex: fc.constantFrom('male', 'female'),
  relation: fc.constantFrom('head', 'spouse', 'son', 'daughter'),
  maritalStatus: fc.constantFrom(...CODES.marital),
  labourCapacity: fc.constantFrom(...CODES.labour),
  health: fc.constantFrom(...CODES.health),
  disabilityGrade: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  schoolingStage: fc.constantFrom(...CODES.stage),
  employment: fc.constantFrom(...CODES.employment),
});

const money = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 60_000 }),
  fc.double({ min: 0, max: 10_000, noNaN: true }).map((v) => Math.round(v * 100) / 100),
);

const householdArb: fc.Arbitrary<RuleHousehold> = fc.record({
  povertyStatus: fc.constantFrom('none', 'not_out', 'exited'),
  wageIncome: money,
  businessIncome: fc.oneof(
    money,
    money.map((v) => -v),
  ),
  propertyIncome: money,
  transferIncome: money,
  housingStructure: fc.constantFrom('adobe', 'brick_concrete', 'brick_wood', null),
  otherSafeHouse: fc.boolean(),
  housingGrade: fc.constantFrom('A', 'B', 'C', 'D', null),
  hazardPoint: fc.constantFrom(null, '', '滑坡点'),
  industryProjects: fc.array(fc.constantFrom('脐橙', '生猪'), { maxLength: 2 }),
  industryFailed: fc.boolean(),
  employmentUnstable: fc.boolean(),
  lowMotivationNote: fc.constantFrom(null, '', '  ', '动力不足'),
  riskNote: fc.constantFrom(null, '因病'),
  members: fc.array(memberArb, { maxLength: 8 }),
});

const parametersArb = fc.record({
  incomeLine: fc.integer({ min: 1000, max: 10_000 }),
  weights: fc.record({
    skilled: fc.constantFrom(1, 0.8),
    normal: fc.constantFrom(1, 0.9),
    weak: fc.constantFrom(0.5, 0.3, 0),
    lost: fc.constantFrom(0, 0.1),
    none: fc.constant(0),
  }),
  referenceDate: fc.constantFrom('2020-03-10', '2021-02-28', '2024-02-29'),
  threshold: fc.double({ min: 0, max: 1, noNaN: true }),
  minimum: fc.integer({ min: 0, max: 4 }),
  minAge: fc.integer({ min: 18, max: 80 }),
  stages: fc.subarray(['preschool', 'senior', 'secondary_vocational', 'college', 'postgraduate', 'junior']),
  statuses: fc.subarray(['unmarried', 'divorced', 'widowed', 'married']),
});

function both(
  node: Node,
  h: RuleHousehold,
  p: { incomeLine: number; weights: Record<string, number>; referenceDate: string },
  params: Record<string, Value>,
  keyFlags: number,
) {
  const d = derivation({ incomeLine: p.incomeLine, labourWeights: p.weights, referenceDate: p.referenceDate });
  const v = deriveHousehold(h, d, emptyValues());
  v.keyFlags = keyFlags;
  return [compileNode(node, params, d)(v, null), interpret(node, { h: v, m: null, params, d })];
}

describe('compiled evaluator versus plain interpreter', () => {
  it('agree on every default rule with random households and random parameters', () => {
    const rules = defaultRuleSet(2020).rules.map((r) => ({ id: r.id, node: parseExpression(r.when) }));
    fc.assert(
      fc.property(householdArb, parametersArb, fc.integer({ min: 0, max: 10 }), (h, p, keyFlags) => {
        const params = { threshold: p.threshold, minimum: p.minimum, minAge: p.minAge, stages: p.stages, statuses: p.statuses };
        for (const r of rules) {
          const [compiled, interpreted] = both(r.node, h, p, params, keyFlags);
          expect(compiled, r.id).toEqual(interpreted);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agree on random expressions of the whole language', () => {
    const householdNames = Object.keys(HOUSEHOLD_NAMES);
    const memberNames = Object.keys(MEMBER_NAMES);
    const literal = fc.oneof(
      fc.integer({ min: -5, max: 60_000 }).map(String),
      fc.constantFrom(
        '0.5',
        '40%',
        'true',
        'false',
        'null',
        "'adobe'",
        "'serious'",
        "'current'",
        'threshold',
        'stages',
        "['senior', 'college']",
      ),
    );
    const build = (names: string[]) =>
      fc.letrec<{ expr: string }>((tie) => ({
        expr: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          literal,
          fc.constantFrom(...names),
          fc
            .tuple(
              tie('expr'),
              fc.constantFrom('+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'in', 'and', 'or'),
              tie('expr'),
            )
            .map(([a, op, b]) => `(${a} ${op} ${b})`),
          tie('expr').map((e) => `(not (${e}))`),
          tie('expr').map((e) => `-(${e})`),
        ),
      })).expr;
    const memberExpr = build(memberNames);
    const expr = fc.oneof(
      build(householdNames),
      fc
        .tuple(fc.constantFrom('count', 'any', 'all', 'sum'), memberExpr, fc.constantFrom('>', '==', 'or'), build(householdNames))
        .map(([fn, body, op, rest]) => `${fn}(members, ${body}) ${op} (${rest})`),
    );
    fc.assert(
      fc.property(expr, householdArb, parametersArb, (source, h, p) => {
        const node = parseExpression(source);
        const [compiled, interpreted] = both(node, h, p, { threshold: p.threshold, stages: p.stages }, 2);
        expect(compiled).toEqual(interpreted);
      }),
      { numRuns: 3000 },
    );
  });
});
