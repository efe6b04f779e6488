/**
 * Labels of the competition's codes in the reader's language, from the vocabularies shared with
 * the server (parts, statuses, lead offices, objections, finding categories).
 */
import {
  type CompetitionPart,
  LEAD_OFFICES,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_LABELS,
  PART_LABELS,
  PROBLEM_CATEGORIES,
  ROUND_STATUS_LABELS,
  type RoundStatus,
} from '@fupin/domain';
import { useMemo } from 'react';
import { useLang } from '../../i18n';
import { monthLabel } from './format';
import { FINDING_CATEGORIES } from './work-api';

export { monthLabel, thisMonth, yuanText } from './format';

interface Label {
  zh: string;
  en: string;
}

export const STATUS_COLORS: Record<RoundStatus, string> = {
  scoring: 'blue',
  closed: 'orange',
  published: 'purple',
  final: 'green',
};

export function useCompetitionLabels() {
  const lang = useLang();
  return useMemo(() => {
    const pick = (l: Label | undefined, code: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
    const offices = LEAD_OFFICES.labels as Record<string, Label>;
    const categories = PROBLEM_CATEGORIES.labels as Record<string, Label>;
    return {
      lang,
      part: (p: CompetitionPart) => pick(PART_LABELS[p], p),
      form: (p: CompetitionPart) => PART_LABELS[p].form,
      status: (s: RoundStatus) => pick(ROUND_STATUS_LABELS[s], s),
      office: (code: string | null | undefined) => (code ? pick(offices[code], code) : ''),
      officeOptions: LEAD_OFFICES.codes.map((c) => ({ value: c as string, label: pick(offices[c], c) })),
      objectionStatus: (s: string) => pick((OBJECTION_STATUS_LABELS as Record<string, Label>)[s], s),
      outcome: (o: string) => pick((OBJECTION_OUTCOME_LABELS as Record<string, Label>)[o], o),
      category: (c: string) => pick(categories[c], c),
      findingOptions: FINDING_CATEGORIES.map((c) => ({ value: c, label: pick(categories[c], c) })),
      month: (m: string) => monthLabel(m, lang),
    };
  }, [lang]);
}
