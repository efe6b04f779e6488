import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useProblemLabels } from '../problems/labels';
import { type InspectionRow, useSites } from './api';

const KIND_COLORS: Record<string, string> = {
  village_self: 'blue',
  sector: 'purple',
  county_crosscheck: 'gold',
  town_crosscheck: 'cyan',
};
const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** 排查记录: the campaign's inspections the reader sees, newest first. */
export function InspectionList({ rows, loading, mobile }: { rows: InspectionRow[]; loading: boolean; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const sites = useSites(null, true);
  const place = (r: InspectionRow) =>
    r.siteId ? (sites.data?.find((s) => s.id === r.siteId)?.name ?? '—') : r.sector ? labels.sector(r.sector) : '—';
  const kind = (r: InspectionRow) => (
    <Tag color={KIND_COLORS[r.kind]} style={{ marginInlineEnd: 0 }}>
      {t(`inspections.list.kinds.${r.kind}`)}
    </Tag>
  );
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="inspection-cards">
        {rows.length === 0 && !loading ? <Empty description={t('inspections.list.empty')} /> : null}
        {rows.map((r) => (
          <Card key={r.id} size="small" styles={{ body: { padding: 12 } }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{[r.villageName, place(r)].filter(Boolean).join(' · ')}</Typography.Text>
              {kind(r)}
            </Flex>
            <Typography.Text type="secondary">
              {formatDateTime(r.inspectedAt)} · {r.inspectorName ?? '—'}
            </Typography.Text>
            <div>
              {t('inspections.list.items')} {r.items} · {t('inspections.list.failed')} {r.failed} ·{' '}
              {t('inspections.list.problems')} {r.problems}
            </div>
          </Card>
        ))}
      </Flex>
    );
  const columns: TableColumnsType<InspectionRow> = [
    { title: t('inspections.list.kind'), key: 'kind', render: (_, r) => kind(r) },
    { title: t('inspections.village'), dataIndex: 'villageName', render: (v: string | null) => v ?? '—' },
    { title: t('inspections.list.place'), key: 'place', render: (_, r) => place(r) },
    { title: t('inspections.list.inspector'), dataIndex: 'inspectorName', render: (v: string | null) => v ?? '—' },
    {
      title: t('inspections.list.at'),
      dataIndex: 'inspectedAt',
      render: (v: string) => <span style={num}>{formatDateTime(v)}</span>,
    },
    { title: t('inspections.list.items'), dataIndex: 'items', align: 'right' },
    {
      title: t('inspections.list.failed'),
      dataIndex: 'failed',
      align: 'right',
      render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text>,
    },
    { title: t('inspections.list.problems'), dataIndex: 'problems', align: 'right' },
  ];
  return (
    <Table<InspectionRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('inspections.list.empty')} /> }}
      data-testid="inspection-table"
    />
  );
}
