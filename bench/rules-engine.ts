/**
 * Benchmark: evaluate 1,000,000 synthetic households with the default rule set (compiled once),
 * and, in the same run, the same rules written for json-rules-engine over the same households.
 * Prints households per second for both and the ratio. Targets: ≥ 1,000,000 households per
 * second on one core, and ≥ 50× json-rules-engine.
 *
 *   npm run bench -- rules        (BENCH_RULES_HOUSEHOLDS, default 1000000)
 */
import {
  compileRuleSet,
  defaultRuleSet,
  derivation,
  deriveHousehold,
  emptyValues,
  NON_COMPULSORY_STAGES,
  type RuleHousehold,
  SINGLE_STATUSES,
} from '@fupin/domain';
import { Engine } from 'json-rules-engine';
import { Random } from '../apps/server/src/demo/random';
import { printTable } from './lib/measure';

const TOTAL = Number(process.env.BENCH_RULES_HOUSEHOLDS ?? 1_000_000);
const POOL = 100_000;
const ENGINE_SAMPLE = Number(process.env.BENCH_RULES_ENGINE_SAMPLE ?? 20_000);

function pool(n: number): RuleHousehold[] {
  const r = new Random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.next() * xs.length)] as T;
  return Array.from({ length: n }, () => ({
    povertyStatus: pick(['none', 'none', 'none', 'exited', 'not_out']),
    wageIncome: r.int(0, 50) * 1000,
    businessIncome: r.int(0, 10) * 1000,
    propertyIncome: r.chance(0.1) ? 500 : 0,
    transferIncome: r.int(0, 60) * 100,
    housingStructure: r.chance(0.03) ? 'adobe' : 'brick_concrete',
    otherSafeHouse: r.chance(0.5),
    housingGrade: pick(['A', 'B', 'B', 'C']),
    hazardPoint: r.chance(0.01) ? '滑坡点' : null,
    industryProjects: r.chance(0.4) ? ['脐橙种植'] : [],
    industryFailed: r.chance(0.01),
    employmentUnstable: r.chance(0.03),
    lowMotivationNote: r.chance(0.01) ? '动力不足' : null,
    riskNote: r.chance(0.02) ? '因病' : null,
    members: Array.from({ length: r.int(1, 6) }, () => ({
      status: r.chance(0.95) ? 'current' : 'moved_out',
      birthDate: `${r.int(1935, 2019)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      sex: pick(['male', 'female']),
      relation: 'head',
      maritalStatus: pick(['married', 'married', 'unmarried', 'widowed', 'divorced']),
      labourCapacity: pick(['normal', 'normal', 'skilled', 'weak', 'lost', 'none']),
      health: pick(['healthy', 'healthy', 'healthy', 'chronic', 'serious', 'disabled']),
      disabilityGrade: null,
      schoolingStage: pick(['not_in_school', 'not_in_school', 'primary', 'junior', 'senior', 'college']),
      employment: pick(['none', 'local', 'out_of_province']),
    })),
  }));
}

const set = defaultRuleSet(2020);
const households = pool(POOL);

// Fupin: compiled once, then evaluated.
const evaluator = compileRuleSet(set);
let fired = 0;
for (let i = 0; i < 50_000; i++) fired += evaluator.flagIds(households[i % POOL] as RuleHousehold).length; // warm-up
/** Times `rounds` passes over TOTAL households and keeps the median: this machine is shared and noisy. */
function timed(rounds: number, pass: () => number): { ms: number; result: number } {
  const times: number[] = [];
  let result = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    result = pass();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, result };
}
const ids = timed(5, () => {
  let n = 0;
  for (let i = 0; i < TOTAL; i++) n += evaluator.flagIds(households[i % POOL] as RuleHousehold).length;
  return n;
});
fired = ids.result;
const fupinMs = ids.ms;
const withText = timed(3, () => {
  let n = 0;
  for (let i = 0; i < TOTAL; i++) n += evaluator.evaluate(households[i % POOL] as RuleHousehold).length;
  return n;
});
const explained = withText.result;
const fupinExplainMs = withText.ms;

// json-rules-engine: the same rules, over the same derived values given as facts.
const engine = new Engine([], { allowUndefinedFacts: true });
const nonCompulsory = new Set(NON_COMPULSORY_STAGES);
const single = new Set(SINGLE_STATUSES);
const d = derivation({ incomeLine: set.incomeLine, labourWeights: set.labourWeights, referenceDate: set.referenceDate });
const key = (id: string, conditions: object) =>
  engine.addRule({ name: id, priority: 10, conditions: conditions as never, event: { type: 'key', params: { id } } });
key('K1', { all: [{ fact: 'transferShare', operator: 'greaterThan', value: 0.4 }] });
key('K2', { all: [{ fact: 'labourCoefficient', operator: 'lessThan', value: 0.5 }] });
key('K3', {
  all: [
    { fact: 'labourers', operator: 'greaterThanInclusive', value: 1 },
    { fact: 'industryProjects', operator: 'equal', value: 0 },
    { fact: 'employedMembers', operator: 'equal', value: 0 },
  ],
});
key('K4', { all: [{ fact: 'seriouslyIll', operator: 'greaterThanInclusive', value: 1 }] });
key('K5', { all: [{ fact: 'nonCompulsoryStudents', operator: 'greaterThanInclusive', value: 3 }] });
key('K6', {
  all: [
    { fact: 'housingStructure', operator: 'equal', value: 'adobe' },
    { fact: 'otherSafeHouse', operator: 'equal', value: false },
  ],
});
key('K7', { all: [{ fact: 'hazardPoint', operator: 'equal', value: true }] });
key('K8', {
  any: [
    { fact: 'industryFailed', operator: 'equal', value: true },
    { fact: 'employmentUnstable', operator: 'equal', value: true },
  ],
});
key('K9', { all: [{ fact: 'lowMotivation', operator: 'equal', value: true }] });
key('K10', { all: [{ fact: 'singleAged', operator: 'greaterThanInclusive', value: 1 }] });
engine.addRule({
  name: 'M',
  priority: 1,
  conditions: {
    all: [
      { fact: 'registered', operator: 'equal', value: false },
      { fact: 'perCapitaIncome', operator: 'lessThan', value: set.incomeLine },
      {
        any: [
          { fact: 'keyFlags', operator: 'greaterThan', value: 0 },
          { fact: 'riskRecorded', operator: 'equal', value: true },
        ],
      },
    ],
  },
  event: { type: 'marginal' },
});
engine.addRule({
  name: 'R',
  priority: 1,
  conditions: {
    all: [
      { fact: 'registered', operator: 'equal', value: true },
      {
        any: [
          { fact: 'keyFlags', operator: 'greaterThan', value: 0 },
          { fact: 'perCapitaIncome', operator: 'lessThan', value: set.incomeLine },
        ],
      },
    ],
  },
  event: { type: 'return_risk' },
});
engine.on('success', async (event, almanac) => {
  if (event.type === 'key') almanac.addRuntimeFact('keyFlags', ((await almanac.factValue<number>('keyFlags')) ?? 0) + 1);
});

async function runEngine(h: RuleHousehold): Promise<number> {
  const v = deriveHousehold(h, d, emptyValues());
  if (v.currentMembers === 0) return 0;
  const ages = v.members.map((m) =>
    m.birthDate
      ? d.refYear -
        Number(m.birthDate.slice(0, 4)) -
        (d.refMonthDay >= Number(m.birthDate.slice(5, 7)) * 100 + Number(m.birthDate.slice(8, 10)) ? 0 : 1)
      : null,
  );
  const facts = {
    ...v,
    members: undefined,
    keyFlags: 0,
    seriouslyIll: v.members.filter((m) => m.health === 'serious').length,
    nonCompulsoryStudents: v.members.filter((m) => nonCompulsory.has(m.schoolingStage ?? '')).length,
    singleAged: v.members.filter((m, i) => (ages[i] ?? -1) >= 45 && single.has(m.maritalStatus ?? '')).length,
  };
  const { events } = await engine.run(facts);
  return events.length;
}

// Both engines must agree before their speed means anything.
for (let i = 0; i < 2000; i++) {
  const h = households[i] as RuleHousehold;
  const ours = evaluator.flagIds(h).length;
  const theirs = await runEngine(h);
  if (ours !== theirs) throw new Error(`household ${i}: Fupin fired ${ours}, json-rules-engine ${theirs}`);
}
const started = process.hrtime.bigint();
let engineFired = 0;
for (let i = 0; i < ENGINE_SAMPLE; i++) engineFired += await runEngine(households[i % POOL] as RuleHousehold);
const engineMs = Number(process.hrtime.bigint() - started) / 1e6;

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fupinRate = perSecond(TOTAL, fupinMs);
const engineRate = perSecond(ENGINE_SAMPLE, engineMs);
printTable(
  `Key-household rules: default rule set (K1–K10, M, R), ${POOL.toLocaleString()} distinct synthetic households, one core (Fupin: median of 5 passes)`,
  ['engine', 'households', 'seconds', 'households/s', '× json-rules-engine', 'flags fired'],
  [
    [
      'baseline: json-rules-engine 7.3.1',
      ENGINE_SAMPLE,
      (engineMs / 1000).toFixed(2),
      engineRate.toLocaleString(),
      '1',
      engineFired,
    ],
    [
      'Fupin compiled (flag ids)',
      TOTAL,
      (fupinMs / 1000).toFixed(2),
      fupinRate.toLocaleString(),
      (fupinRate / engineRate).toFixed(0),
      fired,
    ],
    [
      'Fupin compiled (with explanations)',
      TOTAL,
      (fupinExplainMs / 1000).toFixed(2),
      perSecond(TOTAL, fupinExplainMs).toLocaleString(),
      (perSecond(TOTAL, fupinExplainMs) / engineRate).toFixed(0),
      explained,
    ],
  ],
);
console.log(
  `target ≥ 1,000,000 households/s: ${fupinRate >= 1_000_000 ? 'met' : 'NOT met'}; target ≥ 50× json-rules-engine: ${fupinRate >= 50 * engineRate ? 'met' : 'NOT met'}`,
);
