import { Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { type ImportJob, type ImportStatus, useImports } from '../import-api';

const STATUS_COLOR: Record<ImportStatus, string> = {
  reading: 'processing',
  checked: 'gold',
  invalid: 'red',
  failed: 'red',
  committing: 'processing',
  committed: 'green',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`registry.importPage.statuses.${status}`)}</Tag>;
}

/** The latest imports the reader may manage; a row opens that import above. */
export function RecentImports({
  onOpen,
  selectedId,
  compact,
}: {
  onOpen: (job: ImportJob) => void;
  selectedId: string | null;
  compact: boolean;
}) {
  const { t } = useTranslation();
  const list = useImports(10);
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = (j: ImportJob) =>
    j.counts ? `${j.counts.householdRows} / ${j.counts.memberRows}` : j.status === 'reading' ? String(j.rowsRead) : '—';
  const columns: TableColumnsType<ImportJob> = compact
    ? [
        {
          title: t('registry.importPage.file'),
          key: 'all',
          render: (_, j) => (
            <Flex vertical gap={2}>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {j.fileName}
              </Typography.Text>
              <span>
                <ImportStatusTag status={j.status} />
                <Typography.Text type="secondary">{j.unitName}</Typography.Text>
              </span>
              <Typography.Text type="secondary">
                {formatDateTime(j.createdAt)} · {j.createdBy}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('registry.importPage.at'), dataIndex: 'createdAt', render: formatDateTime, width: 150 },
        { title: t('registry.importPage.unit'), dataIndex: 'unitName' },
        { title: t('registry.importPage.file'), dataIndex: 'fileName', onCell: () => ({ style: { wordBreak: 'break-all' } }) },
        { title: t('users.status'), dataIndex: 'status', render: (s: ImportStatus) => <ImportStatusTag status={s} /> },
        {
          title: `${t('registry.importPage.households')} / ${t('registry.importPage.members')}`,
          key: 'rows',
          render: (_, j) => rows(j),
        },
        { title: t('registry.importPage.errors'), dataIndex: 'errorCount', align: 'right' },
        { title: t('registry.importPage.by'), dataIndex: 'createdBy' },
      ];
  return (
    <div data-testid="recent-imports">
      <Table<ImportJob>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={false}
        tableLayout={compact ? 'fixed' : undefined}
        scroll={compact ? undefined : { x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('registry.importPage.noRecent')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        onRow={(j) => ({
          onClick: () => onOpen(j),
          style: { cursor: 'pointer', background: j.id === selectedId ? '#fff1f0' : undefined },
        })}
      />
    </div>
  );
}
