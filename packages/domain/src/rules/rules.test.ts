/** The default rule set, rule by rule, at its boundaries (DOMAIN.md §3). */
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from './defaults';
import { compileRuleSet } from './evaluate';
import type { RuleHousehold, RuleMember } from './values';

const evaluator = compileRuleSet(defaultRuleSet(2020));
const ids = (h: RuleHousehold) => evaluator.flagIds(h);

function member(over: Partial<RuleMember> = {}): RuleMember {
  return {
    status: 'current',
    birthDate: '1980-01-01',
    sex: 'male',
    relation: 'head',
    maritalStatus: 'married',
    labourCapacity: 'normal',
    health: 'healthy',
    disabilityGrade: null,
    schoolingStage: 'not_in_school',
    employment: 'local',
    ...over,
  };
}

/** A household that fires nothing: income well above the line, two employed adults. */
function household(over: Partial<RuleHousehold> = {}): RuleHousehold {
  return {
    povertyStatus: 'none',
    wageIncome: 40_000,
    businessIncome: 0,
    propertyIncome: 0,
    transferIncome: 0,
    housingStructure: 'brick_concrete',
    otherSafeHouse: false,
    housingGrade: 'B',
    hazardPoint: null,
    industryProjects: [],
    industryFailed: false,
    employmentUnstable: false,
    lowMotivationNote: null,
    riskNote: null,
    members: [member(), member({ relation: 'spouse', sex: 'female' })],
    ...over,
  };
}

describe('a household that meets no category', () => {
  it('gets no flag', () => {
    expect(ids(household())).toEqual([]);
  });
});

describe('K1 转移性收入占比超过40%', () => {
  it.each([
    ['exactly 40%', 6000, 4000, false],
    ['just above 40%', 5999, 4001, true],
    ['46.2%', 5000, 4300, true],
    ['all transfer', 0, 3000, true],
    ['zero total income', 0, 0, false],
  ])('%s', (_l, wage, transfer, fires) => {
    expect(ids(household({ wageIncome: wage, transferIncome: transfer })).includes('K1')).toBe(fires);
  });

  it('explains itself with the values', () => {
    const [flag] = evaluator.evaluate(household({ wageIncome: 5000, transferIncome: 4300 })).filter((f) => f.ruleId === 'K1');
    expect(flag?.explanation.zh).toBe('转移性收入占比 46.2% > 40%');
    expect(flag?.values).toMatchObject({ threshold: 0.4 });
  });
});

describe('K2 家庭劳动力系数小于0.5', () => {
  it.each<[string, string[], boolean]>([
    ['one half labourer in a household of 2 (0.25)', ['weak', 'none'], true],
    ['exactly 0.5: one labourer of two', ['normal', 'none'], false],
    ['exactly 0.5: 1 + 0.5 + 0 over 3', ['normal', 'weak', 'none'], false],
    ['just below: 0.5 + 0.5 + 0 + 0.5 + 0 + 0 over 6 … (1.5/4 = 0.375)', ['weak', 'weak', 'weak', 'none'], true],
    ['two skilled', ['skilled', 'skilled'], false],
    ['lost capacity counts 0', ['lost', 'lost'], true],
  ])('%s', (_l, capacities, fires) => {
    const members = capacities.map((c) => member({ labourCapacity: c, employment: 'local' }));
    expect(ids(household({ members })).includes('K2')).toBe(fires);
  });
});

describe('K3 有劳动力但无产业就业覆盖', () => {
  it.each([
    ['a labourer, no project, nobody employed', [member({ employment: 'none' })], [], true],
    ['a labourer with a project', [member({ employment: 'none' })], ['脐橙种植'], false],
    ['a labourer employed', [member({ employment: 'local' })], [], false],
    ['no labourer', [member({ labourCapacity: 'lost', employment: 'none' })], [], false],
  ])('%s', (_l, members, projects, fires) => {
    expect(ids(household({ members, industryProjects: projects })).includes('K3')).toBe(fires);
  });
});

describe('K4 大病病人', () => {
  it.each([
    ['one member with serious illness', 'serious', true],
    ['chronic illness is not serious illness', 'chronic', false],
  ])('%s', (_l, health, fires) => {
    expect(ids(household({ members: [member({ health }), member()] })).includes('K4')).toBe(fires);
  });
});

describe('K5 3个或以上孩子在非义务教育阶段上学', () => {
  const child = (stage: string) => member({ relation: 'son', schoolingStage: stage, labourCapacity: 'none', employment: 'none' });
  it.each([
    ['3 outside compulsory school', ['senior', 'college', 'preschool'], true],
    ['2 outside and one in 初中', ['senior', 'college', 'junior'], false],
    ['3 in 小学 and 初中', ['primary', 'junior', 'junior'], false],
    ['4 outside', ['senior', 'secondary_vocational', 'undergraduate', 'postgraduate'], true],
  ])('%s', (_l, stages, fires) => {
    expect(ids(household({ members: [member(), ...stages.map(child)] })).includes('K5')).toBe(fires);
  });
});

describe('K6 唯一住房是土坯房', () => {
  it.each([
    ['adobe and no other safe house', 'adobe', false, true],
    ['adobe with another safe house', 'adobe', true, false],
    ['brick house', 'brick_wood', false, false],
  ])('%s', (_l, structure, other, fires) => {
    expect(ids(household({ housingStructure: structure, otherSafeHouse: other })).includes('K6')).toBe(fires);
  });
});

describe('K7–K9 recorded by the cadre', () => {
  it.each<[string, Partial<RuleHousehold>, string, boolean]>([
    ['hazard point', { hazardPoint: '后山滑坡隐患点' }, 'K7', true],
    ['empty hazard point', { hazardPoint: '' }, 'K7', false],
    ['industry failed', { industryFailed: true }, 'K8', true],
    ['employment unstable', { employmentUnstable: true }, 'K8', true],
    ['low motivation with a note', { lowMotivationNote: '等靠要思想严重' }, 'K9', true],
    ['a blank note is no judgement', { lowMotivationNote: '  ' }, 'K9', false],
  ])('%s', (_l, over, rule, fires) => {
    expect(ids(household(over)).includes(rule)).toBe(fires);
  });
});

describe('K10 45岁以上单身 (ages on the reference date 2020-03-10)', () => {
  it.each([
    ['exactly 45 on the reference date, divorced', '1975-03-10', 'divorced', true],
    ['45 the day after the reference date', '1975-03-11', 'unmarried', false],
    ['widowed at 70', '1950-01-01', 'widowed', true],
    ['married at 60', '1960-01-01', 'married', false],
  ])('%s', (_l, birthDate, maritalStatus, fires) => {
    expect(ids(household({ members: [member({ birthDate, maritalStatus })] })).includes('K10')).toBe(fires);
  });
});

describe('M 边缘户 and R 返贫风险', () => {
  const poorWithRisk = (perCapita: number, status: string) =>
    household({
      povertyStatus: status,
      wageIncome: perCapita * 2,
      members: [member(), member({ relation: 'spouse', health: 'serious' })],
    });
  it.each([
    ['not registered, just under the line, a key category', 4999.99, 'none', ['K4', 'M']],
    ['not registered, exactly at the line', 5000, 'none', ['K4']],
    ['registered and exited, a key category', 8000, 'exited', ['K4', 'R']],
    ['registered, under the line, no category', 4000, 'not_out', ['K4', 'R']],
  ])('%s', (_l, perCapita, status, expected) => {
    expect(ids(poorWithRisk(perCapita, status))).toEqual(expected);
  });

  it('marks a registered household under the line with no category as a return risk', () => {
    expect(ids(household({ povertyStatus: 'exited', wageIncome: 9000 }))).toEqual(['R']);
  });

  it('makes a marginal household of one under the line with a recorded risk and no category', () => {
    expect(ids(household({ wageIncome: 9000, riskNote: '因病致贫风险' }))).toEqual(['M']);
  });
});

describe('a household whose members all left', () => {
  it('gets no flags, whatever else it has', () => {
    const gone = [member({ status: 'died', health: 'serious' }), member({ status: 'moved_out' })];
    expect(
      ids(household({ members: gone, transferIncome: 9000, wageIncome: 0, hazardPoint: '隐患点', povertyStatus: 'not_out' })),
    ).toEqual([]);
    expect(evaluator.evaluate(household({ members: [] }))).toEqual([]);
  });

  it('counts only current members', () => {
    // 0 / 1 = 0 fires; counting the dead labourer, (0 + 1) / 2 = 0.5 would not.
    const h = household({
      members: [member({ labourCapacity: 'lost', employment: 'local' }), member({ status: 'died', labourCapacity: 'normal' })],
    });
    expect(ids(h)).toContain('K2');
  });
});
