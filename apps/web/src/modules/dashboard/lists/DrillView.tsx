import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ProblemFigure, SummaryState, VisitTaskState } from '@fupin/domain';
import { Button, Card, Segmented, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useProblemLabels } from '../../problems/labels';
import { type DashboardProblemPage, type SummaryPage, useDashboard, useDashboardList, type VisitTaskPage } from '../api';
import {
  activeFilters,
  type DrillFilters,
  type DrillList,
  drillQuery,
  pageOfRows,
  REPORTED,
  type RemovableFilter,
  readDrill,
  withoutFilter,
  writeDrill,
} from '../drill';
import { DrillTags } from './DrillTags';
import { ProblemList } from './ProblemList';
import { SummaryList } from './SummaryList';
import { VisitTaskList } from './VisitTaskList';

type AnyPage = VisitTaskPage | DashboardProblemPage | SummaryPage;

/**
 * The list behind a dashboard figure (/dashboard/visits|problems|summaries): its filters shown as
 * tags that can be removed, one page of rows, and the way back to the dashboard it came from.
 */
export function DrillView({ list }: { list: DrillList }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const labels = useProblemLabels();
  const [params, setParams] = useSearchParams();
  const { filters, page, pageSize } = readDrill(list, params);
  const answer = useDashboardList<AnyPage>(list, drillQuery(list, filters, page, pageSize));
  type Row = AnyPage['items'][number];
  const data = answer.data ? pageOfRows<Row>(filters, answer.data as { items: Row[]; total: number }, page, pageSize) : undefined;
  // Names for the tags (and the title): the dashboard the list came from is usually cached.
  const dashboard = useDashboard(filters.unit, list === 'problems' ? null : filters.campaign);
  const d = dashboard.data;

  const go = useCallback(
    (next: DrillFilters, nextPage = 1, size = pageSize) =>
      setParams(writeDrill(list, { filters: next, page: nextPage, pageSize: size }), { replace: true }),
    [setParams, list, pageSize],
  );

  const label = (key: RemovableFilter, value: string): string => {
    if (key === 'village') {
      const name =
        value === 'none'
          ? t('dashboard.problems.township')
          : (d?.visits.byVillage.find((v) => v.villageId === value)?.villageName ??
            d?.problems.byVillage.find((v) => v.villageId === value)?.villageName ??
            '…');
      return t('dashboard.list.village', { name });
    }
    if (key === 'cadre')
      return t('dashboard.list.cadre', { name: d?.visits.byCadre.find((c) => c.userId === value)?.name ?? '…' });
    if (key === 'category') return t('dashboard.list.category', { name: labels.category(value) });
    const name =
      list === 'visits'
        ? t(`visits.states.${value as VisitTaskState}`)
        : list === 'problems'
          ? t(`dashboard.problemStates.${value as ProblemFigure}`)
          : value === REPORTED
            ? t('dashboard.summaryStates.reported')
            : t(`dashboard.summaryStates.${value as SummaryState}`);
    return t('dashboard.list.state', { name });
  };

  const back = new URLSearchParams();
  if (filters.unit) back.set('unit', filters.unit);
  if (filters.campaign) back.set('campaign', filters.campaign);
  const title = t(`dashboard.list.${list}Title`);
  const paging = {
    page,
    pageSize,
    total: data?.total ?? 0,
    loading: answer.isFetching,
    onPage: (p: number, size: number) => go(filters, size === pageSize ? p : 1, size),
  };

  return (
    <div data-testid={`drill-${list}`}>
      <PageHeader
        title={d ? `${title} · ${d.unit.name}` : title}
        extra={
          <Link to={`/dashboard?${back.toString()}`}>
            <Button icon={<ArrowLeftOutlined />} data-testid="back-to-dashboard">
              {t('dashboard.backToDashboard')}
            </Button>
          </Link>
        }
      />
      {list !== 'problems' && d?.campaign ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {d.campaign.name}
        </Typography.Paragraph>
      ) : null}
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        {list === 'summaries' ? (
          <Segmented
            value={filters.kind}
            onChange={(kind) => go({ ...filters, kind: kind as DrillFilters['kind'] })}
            options={[
              { value: 'visit', label: t('dashboard.summaries.visit') },
              { value: 'inspection', label: t('dashboard.summaries.inspection') },
            ]}
            style={{ marginBottom: 12, maxWidth: '100%' }}
            data-testid="summary-kind"
          />
        ) : null}
        <DrillTags
          tags={activeFilters(list, filters).map(({ key, value }) => ({ key, label: label(key, value) }))}
          onRemove={(key) => go(withoutFilter(filters, key))}
          onClear={() => go({ ...filters, village: null, cadre: null, category: null, state: null })}
        />
        {answer.error ? (
          <QueryError error={answer.error} onRetry={() => void answer.refetch()} />
        ) : list === 'visits' ? (
          <VisitTaskList items={(data as VisitTaskPage | undefined)?.items ?? []} paging={paging} mobile={mobile} />
        ) : list === 'problems' ? (
          <ProblemList items={(data as DashboardProblemPage | undefined)?.items ?? []} paging={paging} mobile={mobile} />
        ) : (
          <SummaryList items={(data as SummaryPage | undefined)?.items ?? []} paging={paging} mobile={mobile} />
        )}
      </Card>
    </div>
  );
}
