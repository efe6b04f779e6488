import { describe, expect, it } from 'vitest';
import { type VisitForm, type VisitFormInput, visitForm } from '../schemas/visits';
import { problemsFromVisit } from './problems';
import { GUARANTEES, type GuaranteeCode, PROBLEM_CATEGORIES, type ProblemCategory } from './vocabularies';

type Patch = Partial<Record<keyof VisitFormInput, unknown>>;

/** A form where every answer is "yes": nothing to record. */
function form(patch: Patch = {}): VisitForm {
  const water = { secured: true, quantity: true, quality: true, convenience: true, reliability: true };
  return visitForm.parse({
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    householdId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    campaignId: '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b',
    visitedAt: '2020-03-11T09:30:00+08:00',
    position: null,
    baseVersion: 1,
    housing: { structure: 'brick_concrete', grade: 'A', otherSafeHouse: false },
    observations: [],
    members: [{ memberId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', name: '张三', check: 'present' }],
    archiveMatches: true,
    assistancePrecise: true,
    exitPrecise: null,
    income: { wageIncome: 12_000, businessIncome: 3_000, propertyIncome: 0, transferIncome: 1_500 },
    guarantees: {
      food: { secured: true },
      clothing: { secured: true },
      education: { secured: true },
      medical: { secured: true },
      housing: { secured: true },
      water,
    },
    unsoldProduce: { has: false },
    industry: { has: true, failed: false },
    employment: { unstable: false },
    policies: [],
    shock: { affected: false },
    returnRisk: { atRisk: false },
    assistancePlan: [{ measure: 'industry', description: '发展油茶' }],
    ...patch,
  });
}

function guarantees(code: GuaranteeCode, value: Record<string, unknown>) {
  const all: Record<string, unknown> = {
    food: { secured: true },
    clothing: { secured: true },
    education: { secured: true },
    medical: { secured: true },
    housing: { secured: true },
    water: { secured: true, quantity: true, quality: true, convenience: true, reliability: true },
  };
  all[code] = { ...(all[code] as object), ...value };
  return { guarantees: all };
}

const EXITED = { povertyStatus: 'exited' };
const NOT_OUT = { povertyStatus: 'not_out' };
const NONE = { povertyStatus: 'none' };

describe('problemsFromVisit: nothing for "yes"', () => {
  it.each([EXITED, NOT_OUT, NONE])('an all-yes form of a %j household records nothing', (household) => {
    expect(problemsFromVisit(form(), household)).toEqual([]);
  });

  it.each<[string, Patch]>([
    ['produce sold', { unsoldProduce: { has: false, description: '已全部售出' } }],
    ['industry that did not fail', { industry: { has: true, failed: false, description: '养猪 20 头' } }],
    ['no industry at all (not a failure)', { industry: { has: false, failed: false } }],
    ['stable work', { employment: { unstable: false, description: '在县内务工' } }],
    ['the registry matches, with a note', { archiveMatches: true, archiveNote: '已核对' }],
    ['a policy due and enjoyed', { policies: [{ code: 'dibao', due: true, enjoyed: true }] }],
    ['a policy not due and not enjoyed', { policies: [{ code: 'dibao', due: false, enjoyed: false }] }],
    ['a policy enjoyed without being due', { policies: [{ code: 'dibao', due: false, enjoyed: true }] }],
    ['a return risk (recorded on the household, not as a problem)', { returnRisk: { atRisk: true, note: '因病' } }],
    ['the shock (recorded, not a problem)', { shock: { affected: true, industryImpact: '停工' } }],
    ['a secured guarantee with a note', guarantees('food', { secured: true, problem: '去年曾缺粮' })],
    [
      'every member present',
      {
        members: [
          { memberId: null, name: '甲', check: 'present' },
          { memberId: null, name: '乙', check: 'present' },
        ],
      },
    ],
  ])('%s → no problem', (_label, patch) => {
    expect(problemsFromVisit(form(patch), EXITED)).toEqual([]);
  });
});

describe('problemsFromVisit: each guarantee not secured', () => {
  it.each<[GuaranteeCode, ProblemCategory]>([
    ['food', 'food_clothing'],
    ['clothing', 'food_clothing'],
    ['education', 'education'],
    ['medical', 'medical'],
    ['housing', 'housing'],
    ['water', 'water'],
  ])('%s → one %s problem', (code, category) => {
    const found = problemsFromVisit(form(guarantees(code, { secured: false, problem: '具体情况' })), EXITED);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: `guarantee.${code}`, category, solvedOnSite: false });
    expect(found[0]!.description.startsWith(`未达到“${GUARANTEES.labels[code].zh}”`)).toBe(true);
    expect(found[0]!.description.endsWith('：具体情况')).toBe(true);
  });

  it.each(GUARANTEES.codes)('%s without a note has no trailing colon', (code) => {
    const patch = code === 'water' ? { secured: false } : { secured: false, problem: '  ' };
    const [p] = problemsFromVisit(form(guarantees(code, patch)), EXITED);
    expect(p!.description).toBe(`未达到“${GUARANTEES.labels[code].zh}”`);
  });

  it.each<[boolean]>([[true], [false]])('solved on site (%s) passes through', (solvedOnSite) => {
    const [p] = problemsFromVisit(form(guarantees('housing', { secured: false, solvedOnSite })), EXITED);
    expect(p!.solvedOnSite).toBe(solvedOnSite);
  });

  it('food and clothing both missing are two problems of one category', () => {
    const patch = guarantees('food', { secured: false });
    (patch.guarantees.clothing as { secured: boolean }).secured = false;
    const found = problemsFromVisit(form(patch), EXITED);
    expect(found.map((p) => [p.key, p.category])).toEqual([
      ['guarantee.food', 'food_clothing'],
      ['guarantee.clothing', 'food_clothing'],
    ]);
  });
});

describe('problemsFromVisit: drinking water names the failing indicators', () => {
  const all = { quantity: true, quality: true, convenience: true, reliability: true };

  it.each<[string, Record<string, boolean>, string | null, string]>([
    ['all four met, with a reason', all, '管道冻裂', '未达到“饮水安全有保障”：管道冻裂'],
    ['quality', { ...all, quality: false }, null, '未达到“饮水安全有保障”：不达标：水质'],
    [
      'quantity and reliability',
      { ...all, quantity: false, reliability: false },
      null,
      '未达到“饮水安全有保障”：不达标：水量、供水保障',
    ],
    [
      'all four, with a reason',
      { quantity: false, quality: false, convenience: false, reliability: false },
      '无自来水',
      '未达到“饮水安全有保障”：不达标：水量、水质、取水方便、供水保障；无自来水',
    ],
    [
      'convenience, with a reason',
      { ...all, convenience: false },
      '往返40分钟',
      '未达到“饮水安全有保障”：不达标：取水方便；往返40分钟',
    ],
  ])('%s', (_label, indicators, problem, description) => {
    const found = problemsFromVisit(form(guarantees('water', { secured: false, ...indicators, problem })), EXITED);
    expect(found).toEqual([{ key: 'guarantee.water', category: 'water', description, solvedOnSite: false }]);
  });

  // DOMAIN.md §8 defines water safety as the four indicators, so a "no" on any of them is a "no".
  it('water marked secured with a failing indicator still records a water problem', () => {
    const found = problemsFromVisit(form(guarantees('water', { secured: true, ...all, quality: false })), EXITED);
    expect(found).toEqual([
      { key: 'guarantee.water', category: 'water', description: '未达到“饮水安全有保障”：不达标：水质', solvedOnSite: false },
    ]);
  });
});

describe('problemsFromVisit: policies due but not enjoyed', () => {
  it.each<[boolean, boolean, number]>([
    [true, false, 1],
    [true, true, 0],
    [false, false, 0],
    [false, true, 0],
  ])('due %s, enjoyed %s → %i problems', (due, enjoyed, n) => {
    expect(problemsFromVisit(form({ policies: [{ code: 'medical_aid', due, enjoyed }] }), EXITED)).toHaveLength(n);
  });

  it.each<[string, string | null, string]>([
    ['dibao', '未申请', '应享未享：低保（未申请）'],
    ['microcredit', null, '应享未享：扶贫小额信贷'],
    ['rain_dew', '  ', '应享未享：雨露计划'],
  ])('%s with note %j → %s', (code, note, description) => {
    const found = problemsFromVisit(form({ policies: [{ code, due: true, enjoyed: false, note }] }), EXITED);
    expect(found).toEqual([{ key: `policy.${code}`, category: 'policy', description, solvedOnSite: false }]);
  });

  it('each policy is its own problem, and solved on site passes through', () => {
    const found = problemsFromVisit(
      form({
        policies: [
          { code: 'student_aid', due: true, enjoyed: false, solvedOnSite: true },
          { code: 'dibao', due: true, enjoyed: true },
          { code: 'welfare_job', due: true, enjoyed: false },
        ],
      }),
      EXITED,
    );
    expect(found.map((p) => [p.key, p.solvedOnSite])).toEqual([
      ['policy.student_aid', true],
      ['policy.welfare_job', false],
    ]);
  });

  it('the same policy listed twice is refused by the form', () => {
    const base = form();
    const r = visitForm.safeParse({
      ...base,
      policies: [
        { code: 'dibao', due: true, enjoyed: false },
        { code: 'dibao', due: true, enjoyed: true },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['policies', 1, 'code']);
  });
});

describe('problemsFromVisit: produce, industry, work, records, members, plan', () => {
  it.each<[string, Patch, { key: string; category: ProblemCategory; description: string }]>([
    [
      'unsold produce',
      { unsoldProduce: { has: true } },
      { key: 'unsold_produce', category: 'industry', description: '农产品滞销' },
    ],
    [
      'unsold produce, described',
      { unsoldProduce: { has: true, description: '脐橙 2000 斤' } },
      { key: 'unsold_produce', category: 'industry', description: '农产品滞销：脐橙 2000 斤' },
    ],
    [
      'failed industry',
      { industry: { has: true, failed: true } },
      { key: 'industry_failed', category: 'industry', description: '产业投资失败' },
    ],
    [
      'failed industry, described',
      { industry: { has: true, failed: true, description: '鸡瘟' } },
      { key: 'industry_failed', category: 'industry', description: '产业投资失败：鸡瘟' },
    ],
    [
      'unstable work',
      { employment: { unstable: true, description: '疫情停工' } },
      { key: 'employment_unstable', category: 'employment', description: '就业不稳定：疫情停工' },
    ],
    [
      'records differ',
      { archiveMatches: false },
      { key: 'archive', category: 'archive', description: '系统及档案资料与实际不一致' },
    ],
    [
      'records differ, described',
      { archiveMatches: false, archiveNote: '住房结构不符' },
      { key: 'archive', category: 'archive', description: '系统及档案资料与实际不一致：住房结构不符' },
    ],
    [
      'members changed',
      {
        members: [
          { memberId: null, name: '张三', check: 'present' },
          { memberId: null, name: '李四', check: 'died' },
          { memberId: null, name: '王五', check: 'born' },
          { memberId: null, name: '赵六', check: 'married_in' },
          { memberId: null, name: '钱七', check: 'married_out' },
          { memberId: null, name: '孙八', check: 'moved_out' },
        ],
      },
      {
        key: 'population',
        category: 'population',
        description: '家庭人口变化未及时增减：李四（死亡）、王五（新生）、赵六（婚入）、钱七（婚出）、孙八（迁出）',
      },
    ],
  ])('%s → one problem', (_label, patch, expected) => {
    expect(problemsFromVisit(form(patch), EXITED)).toEqual([{ ...expected, solvedOnSite: false }]);
  });

  it.each<[string, { povertyStatus: string }, number]>([
    ['not yet out, no plan', NOT_OUT, 1],
    ['exited, no plan', EXITED, 0],
    ['not registered, no plan', NONE, 0],
  ])('%s → %i plan problems', (_label, household, n) => {
    const found = problemsFromVisit(form({ assistancePlan: [] }), household);
    expect(found).toHaveLength(n);
    if (n)
      expect(found[0]).toEqual({
        key: 'assistance_plan',
        category: 'assistance',
        description: '未脱贫户未制定全年帮扶计划',
        solvedOnSite: false,
      });
  });

  it('a household not yet out with a plan records nothing', () => {
    expect(problemsFromVisit(form(), NOT_OUT)).toEqual([]);
  });

  // DOMAIN.md §4 asks "whether assistance and exit were precise"; a "no" there is a problem.
  it.each<[Patch, string, ProblemCategory]>([
    [{ assistancePrecise: false }, 'assistance_precise', 'assistance'],
    [{ exitPrecise: false }, 'exit_precise', 'archive'],
  ])('%j records %s', (patch, key, category) => {
    expect(problemsFromVisit(form(patch), EXITED)).toEqual([expect.objectContaining({ key, category })]);
  });
  it('exitPrecise left empty (a household not exited) records nothing', () => {
    expect(problemsFromVisit(form({ exitPrecise: null }), EXITED)).toEqual([]);
  });
});

describe('problemsFromVisit: every "no" at once', () => {
  const everything = (() => {
    const patch: Patch = {
      guarantees: {
        food: { secured: false },
        clothing: { secured: false },
        education: { secured: false },
        medical: { secured: false },
        housing: { secured: false },
        water: { secured: false, quantity: false, quality: true, convenience: true, reliability: true },
      },
      policies: [
        { code: 'dibao', due: true, enjoyed: false },
        { code: 'tekun', due: true, enjoyed: false },
      ],
      unsoldProduce: { has: true },
      industry: { has: true, failed: true },
      employment: { unstable: true },
      archiveMatches: false,
      members: [{ memberId: null, name: '李四', check: 'died' }],
      assistancePlan: [],
    };
    return problemsFromVisit(form(patch), NOT_OUT);
  })();

  it('finds one problem per "no", in the form’s order', () => {
    expect(everything.map((p) => p.key)).toEqual([
      'guarantee.food',
      'guarantee.clothing',
      'guarantee.education',
      'guarantee.medical',
      'guarantee.housing',
      'guarantee.water',
      'policy.dibao',
      'policy.tekun',
      'unsold_produce',
      'industry_failed',
      'employment_unstable',
      'archive',
      'population',
      'assistance_plan',
    ]);
  });

  it('keys are unique within the visit (a retried submission creates each once)', () => {
    expect(new Set(everything.map((p) => p.key)).size).toBe(everything.length);
  });

  it('every category is in the shared vocabulary', () => {
    for (const p of everything) expect(PROBLEM_CATEGORIES.codes).toContain(p.category);
  });

  it('is the same for the same form (stable keys and texts)', () => {
    expect(problemsFromVisit(form({ archiveMatches: false }), NOT_OUT)).toEqual(
      problemsFromVisit(form({ archiveMatches: false }), NOT_OUT),
    );
  });
});
