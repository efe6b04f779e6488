import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Result, Select, Tabs, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useRound } from '../modules/competition/api';
import { useCompetitionLabels } from '../modules/competition/labels';
import { RoundStatusTag } from '../modules/competition/RoundList';
import { AssignmentGrid } from '../modules/competition/round/AssignmentGrid';
import { NominationsPanel } from '../modules/competition/round/NominationsPanel';
import { ObjectionsPanel } from '../modules/competition/round/ObjectionsPanel';
import { ProgressPanel } from '../modules/competition/round/ProgressPanel';
import { type Refusal, RoundActions } from '../modules/competition/round/RoundActions';
import { SamplesPanel } from '../modules/competition/round/SamplesPanel';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const TABS = ['samples', 'nominations', 'assignments', 'progress', 'objections'] as const;
type Tab = (typeof TABS)[number];

/**
 * /competition/rounds/:id 本轮评比: per village its sample (verify, redraw), nominations, the judges'
 * assignment grid (office), progress, and objections; the round's moves in the header.
 */
export function CompetitionRoundPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const labels = useCompetitionLabels();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const round = useRound(id);
  const [villageFilter, setVillageFilter] = useState<string>('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const villages = useMemo(
    () => (round.data?.villages ?? []).filter((v) => !villageFilter || v.villageId === villageFilter),
    [round.data, villageFilter],
  );

  if (round.error) {
    const missing = round.error instanceof ApiError && [400, 403, 404].includes(round.error.status);
    return missing ? (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('competition.notFound')}
        extra={
          <Link to="/competition">
            <Button type="primary">{t('competition.back')}</Button>
          </Link>
        }
      />
    ) : (
      <QueryError error={round.error} onRetry={() => void round.refetch()} />
    );
  }
  if (!round.data) return <FullPageSpin fullHeight={false} />;
  const d = round.data;
  const r = d.round;
  const shown = TABS.filter((k) => k !== 'assignments' || d.viewer.canManage);
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab =
    wanted && shown.includes(wanted)
      ? wanted
      : d.viewer.nominateVillageIds.length && r.status === 'scoring'
        ? 'nominations'
        : 'samples';
  const tabLabel: Record<Tab, string> = {
    samples: t('competition.tabs.samples'),
    nominations: t('competition.tabs.nominations'),
    assignments: t('competition.tabs.assignments'),
    progress: t('competition.tabs.progress'),
    objections: `${t('competition.tabs.objections')}${d.objections.length ? ` (${d.objections.length})` : ''}`,
  };
  const body: Record<Tab, ReactNode> = {
    samples: <SamplesPanel detail={d} villages={villages} mobile={mobile} />,
    nominations: <NominationsPanel detail={d} villages={villages} />,
    assignments: <AssignmentGrid key={r.version} detail={d} mobile={mobile} />,
    progress: <ProgressPanel detail={d} villages={villages} mobile={mobile} />,
    objections: <ObjectionsPanel detail={d} />,
  };

  return (
    <div data-testid="round-page" data-status={r.status}>
      <Link to="/competition">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 4 }}>
          {t('competition.back')}
        </Button>
      </Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="round-title">
              {t('competition.roundTitle', { township: r.townshipName, month: labels.month(r.month) })}
            </span>
            <RoundStatusTag status={r.status} />
          </Flex>
        }
        extra={<RoundActions detail={d} onRefused={setRefusal} />}
      />
      {refusal ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          title={refusal.action === 'close' ? t('competition.actions.missingTitle') : t('competition.actions.refusedTitle')}
          description={
            <>
              <div data-testid="refusal-message">{refusal.message}</div>
              {refusal.items.length ? (
                <ul
                  style={{ margin: '6px 0 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}
                  data-testid="refusal-items"
                >
                  {refusal.items.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </>
          }
          style={{ marginBottom: 12 }}
          data-testid="round-refusal"
        />
      ) : null}
      <Descriptions
        size="small"
        column={mobile ? 1 : 4}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'size', label: t('competition.sampleSize'), children: t('competition.perVillage', { count: r.sampleSize }) },
          { key: 'days', label: t('competition.publicityDays'), children: r.publicityDays },
          {
            key: 'period',
            label: t('competition.publicity'),
            children: <span data-testid="round-publicity">{r.publicity ? t('competition.period', r.publicity) : '—'}</span>,
          },
          { key: 'villages', label: t('competition.village'), children: d.villages.length },
        ]}
      />
      {r.note ? (
        <Typography.Paragraph type="secondary" data-testid="round-note">
          {t('competition.note', { note: r.note })}
        </Typography.Paragraph>
      ) : null}
      {d.villages.length > 1 ? (
        <Select
          value={villageFilter}
          onChange={setVillageFilter}
          options={[
            { value: '', label: t('competition.allVillages') },
            ...d.villages.map((v) => ({ value: v.villageId, label: v.villageName })),
          ]}
          style={{ minWidth: 160, marginBottom: 8 }}
          aria-label={t('competition.village')}
          data-testid="village-filter"
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={shown.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{tabLabel[k]}</span>, children: body[k] }))}
      />
    </div>
  );
}
