import { Card, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { orderVersions, type RuleSetVersion } from '../model';
import { StatusTag } from '../tags';

interface Props {
  items: readonly RuleSetVersion[];
  loading: boolean;
  onOpen: (v: RuleSetVersion) => void;
  compact: boolean;
}

function VersionCard({ v, onOpen }: { v: RuleSetVersion; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
      tabIndex={0}
      role="link"
      styles={{ body: { padding: 12 } }}
      data-testid="rule-set-card"
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('rules.setTitle', { year: v.year, version: v.version })}
          </Typography.Text>
          <StatusTag status={v.status} />
        </Flex>
        {v.note ? <Typography.Text style={{ wordBreak: 'break-word' }}>{v.note}</Typography.Text> : null}
        <Typography.Text type="secondary">
          {[v.createdBy ?? t('audit.system'), v.activatedAt ? `${t('rules.activatedAt')} ${formatDateTime(v.activatedAt)}` : null]
            .filter(Boolean)
            .join(' · ') || formatDateTime(v.updatedAt)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The township's versions, the active one first; a row opens the version. */
export function VersionList({ items, loading, onOpen, compact }: Props) {
  const { t } = useTranslation();
  const ordered = orderVersions(items);
  if (compact) {
    return (
      <Flex vertical gap={8} data-testid="rule-sets">
        {ordered.length === 0 && !loading ? <Empty description={t('rules.noVersions')} /> : null}
        {ordered.map((v) => (
          <VersionCard key={v.id} v={v} onOpen={() => onOpen(v)} />
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<RuleSetVersion> = [
    {
      title: t('rules.version'),
      key: 'version',
      render: (_, v) => (
        <Link to={`/rules/${v.id}`} onClick={(e) => e.stopPropagation()}>
          {t('rules.setTitle', { year: v.year, version: v.version })}
        </Link>
      ),
    },
    { title: t('rules.status'), dataIndex: 'status', render: (s: RuleSetVersion['status']) => <StatusTag status={s} /> },
    { title: t('rules.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    { title: t('rules.createdBy'), dataIndex: 'createdBy', render: (n: string | null) => n ?? t('audit.system') },
    { title: t('rules.activatedAt'), dataIndex: 'activatedAt', render: (d: string | null) => formatDateTime(d) },
    { title: t('rules.updatedAt'), dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
  ];
  return (
    <Table<RuleSetVersion>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={ordered}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('rules.noVersions')} /> }}
      onRow={(v) => ({ onClick: () => onOpen(v), style: { cursor: 'pointer' } })}
      data-testid="rule-sets"
    />
  );
}
