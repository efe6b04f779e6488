/**
 * What a visit finds becomes problems in the ledger (DOMAIN.md §4): every "not secured" and every
 * policy "due, not enjoyed" is one problem, linked to the household, with source "visit".
 */
import type { VisitForm } from '../schemas/visits';
import { GUARANTEES, type GuaranteeCode, POLICIES, type ProblemCategory } from './vocabularies';

export interface FoundProblem {
  /** a stable key within the visit, so a retried submission creates the same problem once */
  key: string;
  category: ProblemCategory;
  description: string;
  /** fixed while the cadre was there: recorded, and closed at once */
  solvedOnSite: boolean;
}

const CATEGORY: Record<GuaranteeCode, ProblemCategory> = {
  food: 'food_clothing',
  clothing: 'food_clothing',
  education: 'education',
  medical: 'medical',
  housing: 'housing',
  water: 'water',
};

/** The problems a visit form records. */
export function problemsFromVisit(form: VisitForm, household: { povertyStatus: string }): FoundProblem[] {
  const found: FoundProblem[] = [];
  for (const code of GUARANTEES.codes) {
    const g = form.guarantees[code];
    let detail = g.problem ?? '';
    // Drinking water is safe only when all four indicators are met, whatever the box says.
    let failing = '';
    if (code === 'water') {
      const w = form.guarantees.water;
      failing = [!w.quantity && '水量', !w.quality && '水质', !w.convenience && '取水方便', !w.reliability && '供水保障']
        .filter(Boolean)
        .join('、');
      detail = [failing && `不达标：${failing}`, detail].filter(Boolean).join('；');
    }
    if (g.secured && !failing) continue;
    found.push({
      key: `guarantee.${code}`,
      category: CATEGORY[code],
      description: `未达到“${GUARANTEES.labels[code].zh}”${detail ? `：${detail}` : ''}`,
      solvedOnSite: g.solvedOnSite,
    });
  }
  for (const p of form.policies) {
    if (p.due && !p.enjoyed) {
      found.push({
        key: `policy.${p.code}`,
        category: 'policy',
        description: `应享未享：${POLICIES.labels[p.code].zh}${p.note ? `（${p.note}）` : ''}`,
        solvedOnSite: p.solvedOnSite,
      });
    }
  }
  if (form.unsoldProduce.has)
    found.push({
      key: 'unsold_produce',
      category: 'industry',
      description: `农产品滞销${form.unsoldProduce.description ? `：${form.unsoldProduce.description}` : ''}`,
      solvedOnSite: false,
    });
  if (form.industry.failed)
    found.push({
      key: 'industry_failed',
      category: 'industry',
      description: `产业投资失败${form.industry.description ? `：${form.industry.description}` : ''}`,
      solvedOnSite: false,
    });
  if (form.employment.unstable)
    found.push({
      key: 'employment_unstable',
      category: 'employment',
      description: `就业不稳定${form.employment.description ? `：${form.employment.description}` : ''}`,
      solvedOnSite: false,
    });
  if (!form.archiveMatches)
    found.push({
      key: 'archive',
      category: 'archive',
      description: `系统及档案资料与实际不一致${form.archiveNote ? `：${form.archiveNote}` : ''}`,
      solvedOnSite: false,
    });
  const changed = form.members.filter((m) => m.check !== 'present');
  if (changed.length) {
    const list = changed.map((m) => `${m.name}（${memberCheckLabel(m.check)}）`).join('、');
    found.push({
      key: 'population',
      category: 'population',
      description: `家庭人口变化未及时增减：${list}`,
      solvedOnSite: false,
    });
  }
  if (!form.assistancePrecise)
    found.push({ key: 'assistance_precise', category: 'assistance', description: '帮扶措施不精准', solvedOnSite: false });
  if (form.exitPrecise === false)
    found.push({ key: 'exit_precise', category: 'archive', description: '脱贫退出不精准', solvedOnSite: false });
  if (household.povertyStatus === 'not_out' && form.assistancePlan.length === 0) {
    found.push({
      key: 'assistance_plan',
      category: 'assistance',
      description: '未脱贫户未制定全年帮扶计划',
      solvedOnSite: false,
    });
  }
  return found;
}

function memberCheckLabel(check: string): string {
  return (
    { moved_out: '迁出', died: '死亡', born: '新生', married_in: '婚入', married_out: '婚出', present: '在户' }[check] ?? check
  );
}
