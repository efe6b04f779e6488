/**
 * Labels of the registry's codes in a language, from the vocabularies shared with the server and
 * the Excel template (so a code reads the same on screen, in a file and in a message).
 */
import { type CodeLabel, HOUSEHOLD_TAGS, type Lang } from '@fupin/domain';
import type { TagOption } from './api';

export interface Vocabulary<K extends string = string> {
  codes: readonly K[];
  labels: Record<K, CodeLabel>;
}

/** The label of a code, or the code itself when the list does not know it. */
export function codeLabel(vocabulary: Vocabulary, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '';
  const entry = (vocabulary.labels as Record<string, CodeLabel | undefined>)[code];
  if (!entry) return code;
  return lang === 'en' ? entry.en : entry.zh;
}

/** Select options of a vocabulary, in its own order. */
export function codeOptions<K extends string>(vocabulary: Vocabulary<K>, lang: Lang): { value: K; label: string }[] {
  return vocabulary.codes.map((code) => ({ value: code, label: codeLabel(vocabulary, code, lang) }));
}

/** The label of a tag: the township's own list first, then the built-in ones, else the code. */
export function tagLabel(code: string, tags: readonly TagOption[] | undefined, lang: Lang): string {
  const own = tags?.find((t) => t.code === code);
  if (own) return lang === 'en' ? own.labelEn : own.labelZh;
  return codeLabel(HOUSEHOLD_TAGS, code, lang);
}

/** Built-in tags as options, for when the township's list cannot be read. */
export function builtInTags(): TagOption[] {
  return HOUSEHOLD_TAGS.codes.map((code) => ({
    code,
    labelZh: HOUSEHOLD_TAGS.labels[code].zh,
    labelEn: HOUSEHOLD_TAGS.labels[code].en,
    builtIn: true,
  }));
}

/** Yuan as the township writes them: ¥12,345.50 without a trailing .00. */
export function formatYuan(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
  return lang === 'en' ? `¥${text}` : `${text} 元`;
}
