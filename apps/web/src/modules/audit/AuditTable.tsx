import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../ui/format';
import { AuditDiff } from './AuditDiff';
import type { AuditEntry } from './api';
import { actionColor, useAuditLabels } from './labels';

interface Props {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** one stacked column instead of six: a phone cannot show them side by side */
  compact: boolean;
}

/** The log, newest first; each row opens to show what changed. */
export function AuditTable({ items, total, page, pageSize, loading, onPage, compact }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const actor = (name: string | null) => (name === 'system' || !name ? t('audit.system') : name);
  const stacked: TableColumnsType<AuditEntry> = [
    {
      title: `${t('audit.action')} / ${t('audit.actor')}`,
      key: 'entry',
      render: (_, e) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={actionColor(e.action)}>{labels.action(e.action)}</Tag>
            {labels.entityType(e.entityType)}
            {e.unitName ? ` · ${e.unitName}` : ''}
          </span>
          <span>{actor(e.actorName)}</span>
          <Typography.Text type="secondary">{formatDateTimeSeconds(e.at)}</Typography.Text>
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTimeSeconds },
    { title: t('audit.actor'), dataIndex: 'actorName', render: actor },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => <Tag color={actionColor(a)}>{labels.action(a)}</Tag>,
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', render: (e: string) => labels.entityType(e) },
    { title: t('audit.unit'), dataIndex: 'unitName', render: (n: string | null) => n ?? t('common.none') },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
  ];
  return (
    <div data-testid="audit-table">
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={compact ? stacked : columns}
        dataSource={items}
        loading={loading}
        scroll={compact ? undefined : { x: 'max-content' }}
        tableLayout={compact ? 'fixed' : undefined}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
