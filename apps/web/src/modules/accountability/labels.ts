/** Labels of the accountability vocabulary in the reader's language (the words the .xlsx uses too). */
import {
  CHAIN_LINK_LABELS,
  type ChainLink,
  LAPSE_DUTY_LABELS,
  LAPSE_KIND_LABELS,
  LAPSE_STATE_LABELS,
  type LapseDuty,
  type LapseKind,
  type LapseState,
} from '@fupin/domain';
import { useMemo } from 'react';
import { useLang } from '../../i18n';

export const KIND_COLORS: Record<LapseKind, string> = {
  visit: '#1677ff',
  inspect: '#722ed1',
  rectify: '#fa8c16',
  advance: '#cf1322',
};

export function useAccountabilityLabels() {
  const lang = useLang();
  return useMemo(() => {
    const pick = (l: { zh: string; en: string } | undefined, code: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
    return {
      lang,
      kind: (code: string) => pick(LAPSE_KIND_LABELS[code as LapseKind], code),
      duty: (code: string) => pick(LAPSE_DUTY_LABELS[code as LapseDuty], code),
      state: (code: string) => pick(LAPSE_STATE_LABELS[code as LapseState], code),
      link: (code: string) => pick(CHAIN_LINK_LABELS[code as ChainLink], code),
    };
  }, [lang]);
}
