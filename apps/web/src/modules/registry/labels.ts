/** The registry's labels in the reader's language (the pure helpers are in vocab.ts). */
import { fieldLabel } from '@fupin/domain';
import { useCallback, useMemo } from 'react';
import { useLang } from '../../i18n';
import type { TagOption } from './api';
import { codeLabel, codeOptions, formatYuan, tagLabel, type Vocabulary } from './vocab';

export type { Vocabulary } from './vocab';

/** Hooks binding the helpers to the current language. */
export function useRegistryLabels() {
  const lang = useLang();
  const code = useCallback(
    (vocabulary: Vocabulary, value: string | null | undefined) => codeLabel(vocabulary, value, lang),
    [lang],
  );
  const field = useCallback((path: string) => fieldLabel(lang, path), [lang]);
  return useMemo(
    () => ({
      lang,
      code,
      field,
      options: <K extends string>(vocabulary: Vocabulary<K>) => codeOptions(vocabulary, lang),
      tag: (value: string, tags: readonly TagOption[] | undefined) => tagLabel(value, tags, lang),
      yuan: (value: number | null | undefined) => formatYuan(value, lang),
    }),
    [lang, code, field],
  );
}
