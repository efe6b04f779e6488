/**
 * The state of the draft editor: the definition being edited, its problems checked a moment
 * after each change (the same check the server runs), the server's own messages after a refused
 * save, and saving.
 */
import { LABOUR_CAPACITIES } from '@fupin/domain';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { useUpdateRuleSet } from '../api';
import type { RuleSetVersion } from '../model';
import {
  checkDraft,
  type EditableDefinition,
  type Problem,
  problemsByPath,
  serverProblems,
  toDefinition,
  toEditable,
} from '../validate';

/** Problems are checked this long after the last keystroke. */
export const CHECK_DELAY_MS = 250;

function editable(set: RuleSetVersion): EditableDefinition {
  const d = toEditable(set.definition);
  // Every labour capacity has a weight to edit, even one the stored set lacks.
  for (const code of LABOUR_CAPACITIES.codes) if (!(code in d.labourWeights)) d.labourWeights[code] = 0;
  return d;
}

/** Problems of a definition, checked a moment after it stops changing. */
export function useCheckedProblems(definition: EditableDefinition): Problem[] {
  const [problems, setProblems] = useState<Problem[]>(() => checkDraft(definition));
  useEffect(() => {
    const timer = setTimeout(() => setProblems(checkDraft(definition)), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition]);
  return problems;
}

export function useDraftEditor(set: RuleSetVersion) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const report = useReportError();
  const save = useUpdateRuleSet();
  const [draft, setDraft] = useState(() => editable(set));
  const [note, setNoteState] = useState(set.note ?? '');
  const [dirty, setDirty] = useState(false);
  const [server, setServer] = useState<Map<string, string[]>>(() => new Map());
  const checked = useCheckedProblems(draft);
  // A check made at once (on 保存) holds until the draft changes again.
  const [now, setNow] = useState<{ of: EditableDefinition; problems: Problem[] } | null>(null);
  const problems = now?.of === draft ? now.problems : checked;

  /** Changes the draft through a function that edits a copy of it. */
  const update = useCallback((edit: (d: EditableDefinition) => void) => {
    setDraft((d) => {
      const copy = structuredClone(d);
      edit(copy);
      return copy;
    });
    setDirty(true);
    setServer((s) => (s.size ? new Map() : s));
  }, []);

  const setNote = useCallback((value: string) => {
    setNoteState(value);
    setDirty(true);
  }, []);

  // Closing the tab or reloading with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const errors = useMemo(() => {
    const out = problemsByPath(lang, problems);
    for (const [path, messages] of server) out.set(path, [...(out.get(path) ?? []), ...messages]);
    return out;
  }, [lang, problems, server]);

  const submit = () => {
    // Checked again at once: the last keystroke may be newer than the last check.
    const latest = checkDraft(draft);
    setNow({ of: draft, problems: latest });
    if (latest.length > 0) return;
    save.mutate(
      { id: set.id, definition: toDefinition(draft), note: note.trim() || null },
      {
        onSuccess: () => {
          setDirty(false);
          void message.success(t('rules.editor.saved'));
        },
        onError: (err) => {
          report(err);
          if (err instanceof ApiError && err.fields.length) setServer(serverProblems(err.fields));
        },
      },
    );
  };

  return { draft, update, note, setNote, dirty, problems, errors, submit, saving: save.isPending };
}

export type DraftEditorState = ReturnType<typeof useDraftEditor>;
