/** Labels of the ledger's codes in the reader's language, from the vocabularies shared with the server. */
import {
  type CodeLabel,
  ORDER_STATUS_LABELS,
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCES,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
  SECTORS_INSPECTED,
  SITE_KINDS,
} from '@fupin/domain';
import { useMemo } from 'react';
import { useLang } from '../../i18n';

type Labels = Record<string, CodeLabel | undefined>;

/** The colour of a status tag. */
export const STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  in_rectification: 'blue',
  submitted: 'purple',
  closed: 'green',
  reopened: 'magenta',
};

export const ORDER_STATUS_COLORS: Record<string, string> = { in_progress: 'blue', overdue: 'red', done: 'green' };

export function useProblemLabels() {
  const lang = useLang();
  return useMemo(() => {
    const pick = (labels: Labels, code: string | null | undefined) => {
      if (!code) return '';
      const entry = labels[code];
      return entry ? (lang === 'en' ? entry.en : entry.zh) : code;
    };
    return {
      lang,
      category: (code: string) => pick(PROBLEM_CATEGORIES.labels as Labels, code),
      source: (code: string) => pick(PROBLEM_SOURCES.labels as Labels, code),
      status: (code: string) => pick(PROBLEM_STATUS_LABELS as Labels, code),
      orderStatus: (code: string) => pick(ORDER_STATUS_LABELS as Labels, code),
      siteKind: (code: string) => pick(SITE_KINDS as Labels, code),
      sector: (code: string) => pick(SECTORS_INSPECTED as Labels, code),
      categoryOptions: PROBLEM_CATEGORIES.codes.map((c) => ({ value: c, label: pick(PROBLEM_CATEGORIES.labels as Labels, c) })),
      sourceOptions: PROBLEM_SOURCES.codes.map((c) => ({ value: c, label: pick(PROBLEM_SOURCES.labels as Labels, c) })),
      statusOptions: PROBLEM_STATUSES.map((c) => ({ value: c, label: pick(PROBLEM_STATUS_LABELS as Labels, c) })),
    };
  }, [lang]);
}
