import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useReportError } from '../api/use-report-error';
import { useLang } from '../i18n';
import { useCompetitionTownship } from '../modules/competition/context';
import { countRubricProblems, RubricEditor } from '../modules/competition/settings/RubricEditor';
import { draftOfRubric, type RubricDraft, rubricOfDraft } from '../modules/competition/settings/rubric-draft';
import { type Settings, useSaveSettings, useSettings } from '../modules/competition/work-api';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

type Scalars = { sampleSize: number | null; publicityDays: number | null; competitionWeight: number | null };
type Money = { rewards: (number | null)[]; deductions: (number | null)[] };

function MoneyList({
  kind,
  value,
  onChange,
}: {
  kind: keyof Money;
  value: (number | null)[];
  onChange: (v: (number | null)[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} style={{ flex: '1 1 260px', minWidth: 0 }} data-testid={`prizes-${kind}`}>
      <Typography.Text strong>
        {t(kind === 'rewards' ? 'competition.settings.rewards' : 'competition.settings.deductions')}
      </Typography.Text>
      {value.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: places are positions
        <Flex key={i} gap={6} align="center">
          <Typography.Text style={{ width: 84 }}>
            {t(kind === 'rewards' ? 'competition.settings.place' : 'competition.settings.lastPlace', { n: i + 1 })}
          </Typography.Text>
          <InputNumber<number>
            value={v}
            onChange={(x) => onChange(value.map((y, j) => (j === i ? (typeof x === 'number' ? x : null) : y)))}
            min={0}
            style={{ width: 140 }}
            aria-label={`${kind} ${i + 1}`}
          />
          <Button
            type="text"
            icon={<MinusCircleOutlined />}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('common.delete')}
          />
        </Flex>
      ))}
      {value.length < 10 ? (
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...value, 0])} style={{ alignSelf: 'flex-start' }}>
          {t('competition.settings.addPlace')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** /competition/settings 大比武设置 (the office): the rubric with running sums, prizes, sample size, publicity days, the weight. */
export function CompetitionSettingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const report = useReportError();
  const place = useCompetitionTownship();
  const settings = useSettings(place.townshipId);
  const save = useSaveSettings();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [rubric, setRubric] = useState<RubricDraft | null>(null);
  const [money, setMoney] = useState<Money>({ rewards: [], deductions: [] });
  const [scalars, setScalars] = useState<Scalars>({ sampleSize: null, publicityDays: null, competitionWeight: null });
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const s = settings.data;
    if (!s || (loaded && loaded.version === s.version && loaded.saved === s.saved)) return;
    setLoaded(s);
    setRubric(draftOfRubric(s.rubric));
    setMoney({ rewards: [...s.prizes.rewards], deductions: [...s.prizes.deductions] });
    setScalars({ sampleSize: s.sampleSize, publicityDays: s.publicityDays, competitionWeight: s.competitionWeight });
  }, [settings.data, loaded]);

  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!rubric || !loaded || !place.townshipId) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const townshipId = place.townshipId;
  const setScalar = (k: keyof Scalars, v: number | null) => {
    setErrors((e) => ({ ...e, [k]: '' }));
    setScalars((s) => ({ ...s, [k]: v }));
  };

  const onSave = () => {
    const count = countRubricProblems(rubric, lang);
    if (count) return void message.error(t('competition.settings.problems', { count }));
    setErrors({});
    save.mutate(
      {
        townshipId,
        rubric: rubricOfDraft(rubric),
        prizes: money as { rewards: number[]; deductions: number[] },
        sampleSize: scalars.sampleSize as number,
        publicityDays: scalars.publicityDays as number,
        competitionWeight: scalars.competitionWeight as number,
        ...(loaded.saved ? { version: loaded.version } : {}),
      },
      {
        onSuccess: () => void message.success(t('competition.settings.saved')),
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
            void message.warning(t('competition.settings.conflict'));
            setLoaded(null);
            void settings.refetch();
            return;
          }
          if (e instanceof ApiError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
          report(e);
        },
      },
    );
  };
  const fieldError = (k: string) =>
    errors[k] ? (
      <Typography.Text type="danger" data-testid={`error-${k}`}>
        {errors[k]}
      </Typography.Text>
    ) : null;
  const rubricErrors = Object.entries(errors)
    .filter(([k, v]) => v && k.startsWith('rubric'))
    .map(([, v]) => v);
  const scalar = (k: keyof Scalars, label: string, step: number, hint?: string) => (
    <Flex vertical gap={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <InputNumber<number>
        value={scalars[k]}
        onChange={(v) => setScalar(k, typeof v === 'number' ? v : null)}
        step={step}
        status={errors[k] ? 'error' : undefined}
        style={{ width: 160 }}
        aria-label={label}
        data-testid={`field-${k}`}
      />
      {hint ? <Typography.Text type="secondary">{hint}</Typography.Text> : null}
      {fieldError(k)}
    </Flex>
  );

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={t('competition.settings.title')}
        extra={
          <Button type="primary" icon={<SaveOutlined />} onClick={onSave} loading={save.isPending} data-testid="settings-save">
            {t('competition.settings.save')}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        title={
          loaded.saved
            ? t('competition.settings.version', { version: loaded.version, at: formatDateTime(loaded.updatedAt) })
            : t('competition.settings.defaults')
        }
        description={t('competition.settings.frozen')}
        style={{ marginBottom: 12 }}
      />
      <Flex vertical gap={12}>
        <Card size="small" title={t('competition.settings.others')} data-testid="settings-others">
          <Flex gap={16} wrap>
            {scalar('sampleSize', t('competition.settings.sampleSize'), 1)}
            {scalar('publicityDays', t('competition.settings.publicityDays'), 1)}
            {scalar('competitionWeight', t('competition.settings.weight'), 0.05, t('competition.settings.weightHint'))}
          </Flex>
        </Card>
        <Card size="small" title={t('competition.settings.prizes')}>
          <Flex gap={16} wrap>
            <MoneyList kind="rewards" value={money.rewards} onChange={(rewards) => setMoney((m) => ({ ...m, rewards }))} />
            <MoneyList
              kind="deductions"
              value={money.deductions}
              onChange={(deductions) => setMoney((m) => ({ ...m, deductions }))}
            />
          </Flex>
          {Object.entries(errors)
            .filter(([k, v]) => v && k.startsWith('prizes'))
            .map(([k, v]) => (
              <Typography.Text key={k} type="danger">
                {v}
              </Typography.Text>
            ))}
        </Card>
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          {t('competition.settings.rubric')}
        </Typography.Title>
        <RubricEditor value={rubric} onChange={setRubric} serverProblems={rubricErrors} />
      </Flex>
    </div>
  );
}
