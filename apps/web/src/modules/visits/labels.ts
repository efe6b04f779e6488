/** Words of the big visit in the reader's language: codes of the visit vocabularies, and registry values as text. */
import {
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSEHOLD_TYPE_LABELS,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_CHECKS,
  MEMBER_STATUSES,
  PHASE_LABELS,
  type PhaseCode,
  POLICIES,
  PROBLEM_CATEGORIES,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '@fupin/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistryLabels, type Vocabulary } from '../registry/labels';

/** The vocabulary of each registry field a visit can observe. */
export const FIELD_VOCABULARIES: Record<string, Vocabulary> = {
  housingStructure: HOUSING_STRUCTURES,
  housingGrade: HOUSING_GRADES,
  maritalStatus: MARITAL_STATUSES,
  labourCapacity: LABOUR_CAPACITIES,
  health: HEALTH_STATUSES,
  schoolingStage: SCHOOLING_STAGES,
  employment: EMPLOYMENTS,
  relation: RELATIONS,
  sex: SEXES,
  status: MEMBER_STATUSES,
};

const YUAN_FIELDS = new Set(['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome']);

export function useVisitLabels() {
  const { t } = useTranslation();
  const registry = useRegistryLabels();
  const { lang, code, field, yuan } = registry;
  return useMemo(() => {
    const pick = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
    /** A registry or observed value as text: codes by their label, yes/no, lists, yuan. */
    const value = (name: string | null, v: unknown): string => {
      if (v === null || v === undefined || v === '') return t('visits.value.empty');
      if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
      if (Array.isArray(v)) return v.length ? v.join(t('common.listSep')) : t('visits.value.none');
      if (typeof v === 'number') return name && YUAN_FIELDS.has(name) ? yuan(v) : String(v);
      if (typeof v === 'object') {
        const o = v as Record<string, unknown>;
        // a member's status as found ({ check, date }) or someone new ({ name, check, … })
        const check = typeof o.check === 'string' ? code(MEMBER_CHECKS, o.check) : '';
        const parts = [o.name as string | undefined, check, o.date as string | undefined];
        if (o.birthDate) parts.push(t('visits.value.born', { date: o.birthDate as string }));
        if (o.idNumber) parts.push(o.idNumber as string);
        return parts.filter(Boolean).join(' · ');
      }
      const vocabulary = name ? FIELD_VOCABULARIES[name] : undefined;
      return vocabulary ? code(vocabulary, String(v)) : String(v);
    };
    return {
      ...registry,
      pick,
      value,
      field: (name: string) => field(name),
      phase: (c: PhaseCode) => pick(PHASE_LABELS[c]),
      policy: (c: string) => code(POLICIES as Vocabulary, c),
      check: (c: string) => code(MEMBER_CHECKS as Vocabulary, c),
      category: (c: string) => code(PROBLEM_CATEGORIES as Vocabulary, c),
      type: (c: keyof typeof HOUSEHOLD_TYPE_LABELS | null) => (c ? pick(HOUSEHOLD_TYPE_LABELS[c]) : t('visits.value.none')),
      shortType: (c: string | null) => (c ? t(`visits.types.${c as 'not_out'}`) : t('visits.value.none')),
      percent: (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`),
    };
  }, [t, registry, lang, code, field, yuan]);
}
