import { ArrowLeftOutlined, CheckOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { useCompetitionLabels } from '../labels';
import { type FindingCategory, type Task, type TaskSubject, useSubmitScore, useUploadPhoto } from '../work-api';
import { ItemStepper } from './ItemStepper';
import { type PendingPhoto, SheetPhotos } from './SheetPhotos';
import { type Draft, draftOf, draftProblems, draftTotal, fullDraft, sheetOf } from './sheet';

interface Finding {
  key: string;
  category: FindingCategory | null;
  description: string;
}

/**
 * One subject's sheet on a phone: every rubric item with its stepper, the running total, a note
 * and, for a household, the unsolved 两不愁三保障 problems found (they go to the ledger). The id is
 * made when the sheet opens (or is the judge's earlier sheet's), so pressing save again after a
 * lost answer changes nothing.
 */
export function ScoreSheetForm({ task, subject, onDone }: { task: Task; subject: TaskSubject; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useCompetitionLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const submit = useSubmitScore();
  const earlier = subject.sheet?.mine ? subject.sheet : null;
  const [id] = useState(() => earlier?.id ?? newId());
  const [draft, setDraft] = useState<Draft>(() => draftOf(task.items, earlier?.sheet ?? null));
  const [note, setNote] = useState(earlier?.note ?? '');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const uploadPhoto = useUploadPhoto();
  const [sending, setSending] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const problems = draftProblems(task.items, draft, lang, saving);
  const findingProblem = (f: Finding) =>
    !saving
      ? null
      : !f.category
        ? t('competition.score.categoryRequired')
        : f.description.trim().length < 2
          ? t('competition.score.descriptionRequired')
          : null;
  const total = draftTotal(task.items, draft);
  const withFindings = task.part === 'households';

  const setItem = (code: string, v: number | null) => {
    setServerErrors(new Map());
    setDraft((d) => ({ ...d, [code]: v }));
  };
  const save = () => {
    setSaving(true);
    const complete = draftProblems(task.items, draft, lang, true);
    const badFinding = findings.some((f) => !f.category || f.description.trim().length < 2);
    if (complete.size || badFinding) {
      void message.error(`${t('competition.score.fixFirst')}${[...complete.values()][0] ?? ''}`);
      return;
    }
    submit.mutate(
      {
        id,
        roundId: task.roundId,
        villageId: task.villageId,
        part: task.part,
        subjectId: subject.subjectId,
        sheet: sheetOf(draft),
        note: note.trim() || null,
        findings: findings.map((f) => ({
          category: f.category as FindingCategory,
          description: f.description.trim(),
          householdId: null,
        })),
      },
      {
        onSuccess: async (r) => {
          // The photos go up one by one once the sheet exists; what went up leaves the queue, so
          // saving again after a failure sends only the rest (the sheet itself is then unchanged).
          let sent = 0;
          setSending(true);
          try {
            for (const p of pending) {
              await uploadPhoto.mutateAsync({ roundId: task.roundId, scoreId: r.id, file: p.file });
              sent++;
              setPending((l) => l.filter((x) => x.key !== p.key));
            }
          } catch (e) {
            void message.error(`${t('competition.photos.failed')}${e instanceof Error ? e.message : ''}`);
            return;
          } finally {
            setSending(false);
          }
          const text = {
            submitted: 'competition.score.saved',
            replaced: 'competition.score.replaced',
            unchanged: 'competition.score.unchanged',
          } as const;
          const said = t(text[r.outcome], { name: subject.name, total: r.total.toFixed(2) });
          const more = [
            r.problems.length ? t('competition.score.toLedger', { count: r.problems.length }) : '',
            sent ? t('competition.photos.uploaded', { count: sent }) : '',
          ].filter(Boolean);
          void message.success([said, ...more].join('；'));
          onDone();
        },
        onError: (e) => {
          if (e instanceof ApiError)
            setServerErrors(
              new Map(e.fields.filter((f) => f.path.startsWith('sheet.')).map((f) => [f.path.slice(6), f.message])),
            );
          report(e);
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="score-sheet" data-subject={subject.name}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onDone} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
        {t('competition.score.backToTasks')}
      </Button>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={2}>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="sheet-subject">
            {subject.name}
          </Typography.Text>
          {subject.detail ? <Typography.Text type="secondary">{subject.detail}</Typography.Text> : null}
          <Typography.Text type="secondary">
            {task.villageName} · {labels.part(task.part)}（{labels.form(task.part)}） · {labels.month(task.month)}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: '0 12px' } }}>
        <Flex justify="space-between" align="center" style={{ padding: '10px 0' }}>
          <Typography.Text type="secondary">{t('competition.score.title')}</Typography.Text>
          <Button icon={<CheckOutlined />} onClick={() => setDraft(fullDraft(task.items))} data-testid="full-marks">
            {t('competition.score.fullMarks')}
          </Button>
        </Flex>
        {task.items.map((item) => (
          <ItemStepper
            key={item.code}
            item={item}
            value={draft[item.code] ?? null}
            error={problems.get(item.code) ?? serverErrors.get(item.code)}
            onChange={(v) => setItem(item.code, v)}
          />
        ))}
      </Card>
      <Card size="small" title={t('competition.score.note')}>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('competition.score.notePlaceholder')}
          aria-label={t('competition.score.note')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          data-testid="sheet-note"
        />
      </Card>
      <Card size="small" title={t('competition.photos.title')}>
        <SheetPhotos
          roundId={task.roundId}
          scoreId={earlier?.id ?? null}
          saved={earlier?.photos ?? []}
          pending={pending}
          onPending={setPending}
        />
      </Card>
      {withFindings ? (
        <Card size="small" title={t('competition.score.findings')} data-testid="findings">
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('competition.score.findingsHint')}</Typography.Text>
            {findings.map((f) => (
              <Flex key={f.key} vertical gap={6} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }} data-testid="finding">
                <Flex gap={8}>
                  <Select<FindingCategory>
                    value={f.category ?? undefined}
                    onChange={(category) => setFindings((l) => l.map((x) => (x.key === f.key ? { ...x, category } : x)))}
                    options={labels.findingOptions}
                    placeholder={t('competition.score.category')}
                    aria-label={t('competition.score.category')}
                    size="large"
                    style={{ flex: 1, minWidth: 0 }}
                    data-testid="finding-category"
                  />
                  <Button
                    size="large"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => setFindings((l) => l.filter((x) => x.key !== f.key))}
                  />
                </Flex>
                <Input.TextArea
                  value={f.description}
                  onChange={(e) =>
                    setFindings((l) => l.map((x) => (x.key === f.key ? { ...x, description: e.target.value } : x)))
                  }
                  placeholder={t('competition.score.description')}
                  aria-label={t('competition.score.description')}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={500}
                  data-testid="finding-description"
                />
                {findingProblem(f) ? <Typography.Text type="danger">{findingProblem(f)}</Typography.Text> : null}
              </Flex>
            ))}
            <Button
              type="dashed"
              size="large"
              icon={<PlusOutlined />}
              onClick={() => setFindings((l) => [...l, { key: crypto.randomUUID(), category: null, description: '' }])}
              data-testid="finding-add"
            >
              {t('competition.score.addFinding')}
            </Button>
          </Flex>
        </Card>
      ) : null}
      <Flex
        vertical
        gap={8}
        style={{
          position: 'sticky',
          bottom: 0,
          background: '#fff',
          padding: '10px 12px',
          borderTop: '1px solid #f0f0f0',
          zIndex: 2,
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }} data-testid="sheet-total">
          {t('competition.score.total', { total: total.toFixed(2), max: task.max })}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          block
          onClick={save}
          loading={submit.isPending || sending}
          style={{ height: 52 }}
          data-testid="sheet-save"
        >
          {t('competition.score.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
