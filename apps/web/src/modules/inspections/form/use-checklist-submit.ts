/**
 * The state of one checklist being filled and its submission: the answers, the note, the id the
 * request carries (made when the form opens, kept for every retry so nothing is recorded twice),
 * and the check against the API's own schema before anything is sent.
 */
import { type ChecklistItem, describeFieldError, issueToFieldError } from '@fupin/domain';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { type Answers, type Result, tally, toResults } from '../answers';
import type { SubmitResult } from '../api';

export function useChecklistSubmit(items: readonly ChecklistItem[], send: (body: unknown) => Promise<SubmitResult>) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const report = useReportError();
  const [id, setId] = useState(newId);
  const [answers, setAnswers] = useState<Answers>({});
  const [note, setNote] = useState('');
  const [highlight, setHighlight] = useState<string[]>([]);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const [sending, setSending] = useState(false);
  const counts = tally(items, answers);

  const reset = () => {
    setId(newId());
    setAnswers({});
    setNote('');
    setHighlight([]);
    setDone(null);
  };

  const submit = async (schema: z.ZodType, body: (results: Result[]) => Record<string, unknown>) => {
    if (counts.open.length) {
      setHighlight(counts.open);
      void message.warning(t('inspections.unanswered', { count: counts.open.length }));
      document.querySelector(`[data-testid="item-${counts.open[0]}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    const payload = {
      id,
      inspectedAt: new Date().toISOString(),
      note: note.trim() || null,
      ...body(toResults(items, answers)),
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue) void message.error(describeFieldError(lang, issueToFieldError({ ...issue, path: issue.path as PropertyKey[] })));
      return;
    }
    setSending(true);
    try {
      setDone(await send(parsed.data));
    } catch (e) {
      report(e);
    } finally {
      setSending(false);
    }
  };

  return { answers, setAnswers, note, setNote, highlight, counts, done, sending, submit, reset };
}
