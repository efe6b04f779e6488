import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { QueryError } from '../../../ui/QueryError';
import { NoteModal } from '../../problems/detail/NoteModal';
import { downloadFile } from '../../registry/files';
import { type SummaryState, useOverview, useSummaryAction } from '../api';
import { SummaryStatus } from './SummaryFigures';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** 全镇汇总: every village's summary (as submitted, else live), opened one by one. */
export function TownshipOverview({
  campaignId,
  onOpen,
  mobile,
  canReopen,
}: {
  campaignId: string;
  onOpen: (villageId: string) => void;
  mobile: boolean;
  /** the township office sends a submitted summary back */
  canReopen: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const overview = useOverview(campaignId, true);
  const action = useSummaryAction();
  const [reopening, setReopening] = useState<SummaryState | null>(null);
  const reopenModal = reopening ? (
    <NoteModal
      title={t('inspections.summary.reopenTitle', { village: reopening.villageName })}
      label={t('problems.reason')}
      required
      danger
      loading={action.isPending}
      okText={t('inspections.summary.reopen')}
      onOk={(reason) =>
        action.mutate(
          { action: 'reopen', campaignId, villageId: reopening.villageId, reason },
          {
            onSuccess: () => {
              void message.success(t('inspections.summary.reopenDone'));
              setReopening(null);
            },
            onError: (e) => report(e),
          },
        )
      }
      onClose={() => setReopening(null)}
      testId="overview-reopen-modal"
    />
  ) : null;
  const fig = (s: SummaryState) => s.submitted ?? s.live;
  const exportAll = () =>
    downloadFile('/api/inspections/summary.xlsx', { campaignId }, 'summary.xlsx').catch((e: unknown) => report(e));
  const header = (
    <Flex justify="flex-end" style={{ marginBottom: 8 }}>
      <Button icon={<DownloadOutlined />} onClick={() => void exportAll()} data-testid="summary-export-all">
        {t('inspections.summary.exportAll')}
      </Button>
    </Flex>
  );
  if (overview.error) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  const rows = overview.data ?? [];
  const f = (k: 'sitesInspected' | 'problems' | 'closed' | 'escalated' | 'crosscheckFound' | 'reopened') => (s: SummaryState) =>
    fig(s)[k];
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="overview-cards">
        {header}
        {reopenModal}
        {rows.map((s) => (
          <Card key={s.villageId} size="small" hoverable onClick={() => onOpen(s.villageId)} styles={{ body: { padding: 12 } }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{s.villageName}</Typography.Text>
              <SummaryStatus status={s.status} />
            </Flex>
            <Typography.Text type="secondary">
              {t('inspections.summary.fields.sitesInspected')} {fig(s).sitesInspected}/{fig(s).sites} ·{' '}
              {t('inspections.summary.fields.problems')} {fig(s).problems} · {t('inspections.summary.fields.closed')}{' '}
              {fig(s).closed}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    );
  const columns: TableColumnsType<SummaryState> = [
    {
      title: t('inspections.village'),
      dataIndex: 'villageName',
      render: (name: string, s) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(s.villageId)}>
          {name}
        </Button>
      ),
    },
    { title: t('inspections.summary.status'), key: 'status', render: (_, s) => <SummaryStatus status={s.status} /> },
    {
      title: t('inspections.summary.fields.sitesInspected'),
      key: 'sites',
      align: 'right',
      render: (_, s) => <span style={num}>{`${fig(s).sitesInspected}/${fig(s).sites}`}</span>,
    },
    ...(['problems', 'closed', 'escalated', 'crosscheckFound', 'reopened'] as const).map((k) => ({
      title: t(`inspections.summary.fields.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, s: SummaryState) => <span style={num}>{f(k)(s)}</span>,
    })),
    ...(canReopen
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: SummaryState) =>
              s.status === 'submitted' ? (
                <Button
                  type="link"
                  danger
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => setReopening(s)}
                  data-testid="overview-reopen"
                >
                  {t('inspections.summary.reopen')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      {header}
      {reopenModal}
      <Table<SummaryState>
        rowKey="villageId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={overview.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="overview-table"
      />
    </>
  );
}
