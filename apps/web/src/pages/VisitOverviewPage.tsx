import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../modules/auth/api';
import { type CadreProgress, type SummaryState, useOverview, xlsxHref } from '../modules/visits/api';
import { useVisitCampaign } from '../modules/visits/context';
import { ReopenButton } from '../modules/visits/summary/ReopenButton';
import { SummaryStatusTag, SummaryView } from '../modules/visits/summary/SummaryView';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const ratio = (a: number, b: number) => (b === 0 ? 100 : Math.round((a / b) * 1000) / 10);

/** /visits/overview 走访进度: every village's summary state, every cadre's progress, the township's totals. */
export function VisitOverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { campaign, unitKind } = useVisitCampaign('visit.read');
  const overview = useOverview(campaign.data?.id);
  const canReopen = hasPermission(me.data, 'campaign.manage');

  if (unitKind !== null && unitKind !== 'township' && unitKind !== 'county')
    return <Result status="info" title={t('visits.overview.title')} subTitle={t('visits.overview.notTownship')} />;
  const error = campaign.error ?? overview.error;
  if (error) return <QueryError error={error} onRetry={() => void overview.refetch()} />;
  if (!overview.data || !campaign.data) return <FullPageSpin fullHeight={false} />;
  const o = overview.data;
  const campaignId = campaign.data.id;

  return (
    <div data-testid="overview-page">
      <PageHeader
        title={t('visits.overview.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={xlsxHref('/api/visits/overview.xlsx', { campaignId })}
            data-testid="overview-export"
          >
            {t('visits.overview.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        {campaign.data.name} · {t('visits.overview.phase', { start: o.visitPhase.start, end: o.visitPhase.end })}
      </Typography.Paragraph>
      <Card
        size="small"
        title={t('visits.overview.villages')}
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: mobile ? 0 : 8 } }}
      >
        <Table<SummaryState>
          size="small"
          rowKey="villageId"
          pagination={false}
          dataSource={o.villages}
          scroll={mobile ? { x: 520 } : undefined}
          data-testid="overview-villages"
          columns={[
            { title: t('visits.overview.village'), dataIndex: 'villageName', fixed: mobile ? 'left' : undefined, width: 96 },
            {
              title: t('visits.overview.status'),
              dataIndex: 'status',
              render: (s: SummaryState['status']) => <SummaryStatusTag status={s} />,
            },
            {
              title: t('visits.overview.visited'),
              key: 'visited',
              render: (_, v) => `${v.live.visited} / ${v.live.inScope}`,
              sorter: (a, b) => a.live.coverage - b.live.coverage,
            },
            { title: t('visits.overview.problems'), key: 'problems', render: (_, v) => v.live.problems, align: 'right' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, v) =>
                canReopen && v.status === 'submitted' ? (
                  <ReopenButton campaignId={campaignId} villageId={v.villageId} villageName={v.villageName} />
                ) : null,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('visits.overview.cadres')}
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: mobile ? 0 : 8 } }}
      >
        <Table<CadreProgress>
          size="small"
          rowKey="userId"
          dataSource={o.cadres}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={mobile ? { x: 480 } : undefined}
          data-testid="overview-cadres"
          columns={[
            { title: t('visits.overview.cadre'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
            { title: t('visits.overview.paired'), dataIndex: 'paired', align: 'right', sorter: (a, b) => a.paired - b.paired },
            {
              title: t('visits.overview.visitedCount'),
              dataIndex: 'visited',
              align: 'right',
              sorter: (a, b) => a.visited - b.visited,
            },
            { title: t('visits.overview.late'), dataIndex: 'late', align: 'right', sorter: (a, b) => a.late - b.late },
            {
              title: t('visits.overview.missing'),
              dataIndex: 'missing',
              align: 'right',
              sorter: (a, b) => a.missing - b.missing,
            },
            {
              title: t('visits.overview.progress'),
              key: 'progress',
              width: 120,
              defaultSortOrder: 'ascend',
              sorter: (a, b) => ratio(a.visited, a.paired) - ratio(b.visited, b.paired),
              render: (_, c) => (
                <Progress percent={ratio(c.visited, c.paired)} size="small" status={c.missing ? 'exception' : undefined} />
              ),
            },
          ]}
        />
      </Card>
      {o.total ? (
        <Card size="small" title={t('visits.overview.totals')} styles={{ body: { padding: 12 } }}>
          <Flex vertical>
            <SummaryView summary={o.total} />
          </Flex>
        </Card>
      ) : null}
    </div>
  );
}
