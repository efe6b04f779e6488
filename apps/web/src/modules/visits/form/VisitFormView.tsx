/**
 * The visit form, step by step (看 查 算 听 谈 确认; one screen each on a phone). It opens from
 * the tasks payload with no network, saves a draft on the phone as the cadre types, and on
 * submit puts the form in the outbox before any network attempt (see offline/queue.ts).
 */
import { visitForm } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Alert, App, Button, Flex, Form, Steps, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newId } from '../../../api/client';
import { formatDateTime } from '../../../ui/format';
import { useIsMobile } from '../../../ui/use-is-mobile';
import type { Campaign, Task } from '../api';
import { type DraftEntry, visitDb } from '../offline/db';
import { deleteDraft, saveDraft } from '../offline/drafts';
import { enqueue } from '../offline/queue';
import { syncNow, useOutbox } from '../offline/sync';
import { CalcStep } from './CalcStep';
import { CheckStep } from './CheckStep';
import { ConfirmStep } from './ConfirmStep';
import { ListenStep } from './ListenStep';
import { LookStep } from './LookStep';
import { ruleContext } from './live';
import { type FormType, initialValues, STEP_KEYS, type VisitMeta, type VisitValues } from './model';
import { stepOfPath, toVisitForm } from './payload';
import { TalkStep } from './TalkStep';
import { useLiveVisit } from './use-live';
import { VisitHeader } from './VisitHeader';

/** What a draft keeps: the values, the step, and the registry as it was when the form opened. */
export interface DraftData {
  meta: VisitMeta;
  values: VisitValues;
  step: number;
  household: Household;
}

interface Props {
  household: Household;
  task: Task;
  campaign: Campaign;
  ruleSet: { id: string; definition: unknown } | null;
  userId: string;
  draft: DraftEntry | undefined;
}

export function VisitFormView({ household, task, campaign, ruleSet, userId, draft }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const [restored, setRestored] = useState(() => draft?.data as DraftData | undefined);
  // The registry as seen when the form was first opened: observations compare against it.
  const registry = restored?.household ?? household;
  const formType: FormType = task.formType;
  const [meta, setMeta] = useState<VisitMeta>(
    () =>
      restored?.meta ?? {
        formId: newId(),
        householdId: household.id,
        campaignId: campaign.id,
        baseVersion: household.version,
        visitedAt: new Date().toISOString(),
        position: null,
      },
  );
  const [step, setStep] = useState(restored?.step ?? 0);
  const [initial] = useState(() => restored?.values ?? initialValues(household));
  const [storageError, setStorageError] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const watched = Form.useWatch((v) => v, { form, preserve: true }) as VisitValues | undefined;
  const rules = useMemo(() => ruleContext(ruleSet, campaign.year), [ruleSet, campaign.year]);
  const outbox = useOutbox(userId);
  // The first render has no store yet: the initial values stand in.
  const values = watched && 'guarantees' in watched ? watched : initial;
  const live = useLiveVisit(registry, meta, values, formType, rules, outbox);
  const stale = household.version !== meta.baseVersion;

  // Saved as the cadre types (a moment after the last change), on each step and on leaving.
  const timer = useRef<number | undefined>(undefined);
  const save = useCallback(() => {
    window.clearTimeout(timer.current);
    const data: DraftData = { meta, values: form.getFieldsValue(true) as VisitValues, step, household: registry };
    saveDraft(visitDb(), { userId, householdId: household.id, campaignId: campaign.id, data }).catch(() => setStorageError(true));
  }, [form, meta, step, registry, userId, household.id, campaign.id]);
  const saveSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, 600);
  };
  const saved = useRef(save);
  saved.current = save;
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    // Not on a mere look at the first step: the task would show 草稿 for nothing.
    if (draft || step > 0 || meta.position) saved.current();
  }, [step, meta, draft]);

  const go = (next: number) => {
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  const restart = () =>
    modal.confirm({
      title: t('visits.form.discardDraft'),
      content: t('visits.form.discardDraftText'),
      onOk: async () => {
        await deleteDraft(visitDb(), userId, household.id).catch(() => undefined);
        const fresh = initialValues(household);
        setRestored(undefined);
        form.setFieldsValue(fresh);
        form.resetFields();
        setMeta({ ...meta, formId: newId(), baseVersion: household.version, visitedAt: new Date().toISOString() });
        go(0);
      },
    });

  const submit = async () => {
    try {
      await form.validateFields();
    } catch (error) {
      const fields = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? [];
      const first = fields[0];
      if (first) go(stepOfPath(first.name.join('.')));
      void message.error(t('visits.form.checkFailed', { count: fields.length }));
      return;
    }
    const payload = toVisitForm(registry, meta, form.getFieldsValue(true) as VisitValues, formType);
    const parsed = visitForm.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      go(stepOfPath((issue?.path ?? []).join('.')));
      void message.error(t('visits.form.invalid', { path: (issue?.path ?? []).join('.') }));
      return;
    }
    setSubmitting(true);
    try {
      await enqueue(visitDb(), { userId, headName: household.headName, form: payload });
    } catch {
      setSubmitting(false);
      setStorageError(true);
      void message.error(t('visits.sync.noStorage'));
      return;
    }
    window.clearTimeout(timer.current);
    await deleteDraft(visitDb(), userId, household.id).catch(() => undefined);
    void message.success(t('visits.form.queued', { name: household.headName }));
    void syncNow(userId).catch(() => undefined);
    await navigate('/visits', { replace: true });
  };

  const items = STEP_KEYS.map((key) => ({ title: t(`visits.form.steps.${key}`) }));
  const steps = [
    <LookStep key="look" h={registry} />,
    <CheckStep key="check" h={registry} formType={formType} />,
    <CalcStep key="calc" h={registry} figures={live.figures} flags={live.flags} hasRules={rules.evaluator !== null} />,
    <ListenStep key="listen" h={registry} />,
    <TalkStep key="talk" h={registry} formType={formType} flags={live.flags} />,
    <ConfirmStep key="confirm" live={live} meta={meta} onMeta={setMeta} stale={stale} />,
  ];
  const last = step === steps.length - 1;

  return (
    <div data-testid="visit-form" style={{ maxWidth: 760, margin: '0 auto' }}>
      <VisitHeader household={household} task={task} />
      {restored && draft ? (
        <Alert
          type="info"
          showIcon
          title={t('visits.form.draftRestored', { time: formatDateTime(draft.savedAt) })}
          action={
            <Button size="small" onClick={restart}>
              {t('visits.form.restart')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {stale && step !== steps.length - 1 ? (
        <Alert type="warning" showIcon title={t('visits.form.registryChanged')} style={{ marginBottom: 12 }} />
      ) : null}
      {storageError ? <Alert type="error" showIcon title={t('visits.sync.noStorage')} style={{ marginBottom: 12 }} /> : null}
      <Steps
        size="small"
        current={step}
        onChange={go}
        items={items}
        responsive={false}
        titlePlacement="vertical"
        style={{ marginBottom: 12 }}
        data-testid="visit-steps"
      />
      <Typography.Title level={5} style={{ margin: '0 0 12px' }} data-testid="step-title">
        {t(`visits.form.stepTitles.${STEP_KEYS[step] ?? 'look'}`)}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={saveSoon}
        requiredMark={false}
        scrollToFirstError={false}
      >
        {steps.map((content, i) => (
          <div key={STEP_KEYS[i]} hidden={i !== step}>
            {content}
          </div>
        ))}
      </Form>
      <Flex
        gap={8}
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          margin: mobile ? '0 -12px' : 0,
          padding: mobile ? '8px 12px' : '10px 0',
          background: '#f5f5f5',
          borderTop: '1px solid #e8e8e8',
          justifyContent: 'flex-end',
        }}
      >
        <Button disabled={step === 0} onClick={() => go(step - 1)} style={{ flex: mobile ? 1 : 'none' }} data-testid="step-prev">
          {t('visits.form.prev')}
        </Button>
        {last ? (
          <Button
            type="primary"
            loading={submitting}
            onClick={() => void submit()}
            style={{ flex: mobile ? 2 : 'none' }}
            data-testid="visit-submit"
          >
            {t('visits.form.submit')}
          </Button>
        ) : (
          <Button type="primary" onClick={() => go(step + 1)} style={{ flex: mobile ? 2 : 'none' }} data-testid="step-next">
            {t('visits.form.next')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
