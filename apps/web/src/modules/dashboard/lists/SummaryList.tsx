import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { SummaryRow } from '../api';
import { SUMMARY_COLORS } from '../SummaryPanel';
import { type DrillPage, DrillResults } from './DrillResults';

/** The villages behind a summary figure: reported when and by whom, or not yet. */
export function SummaryList({ items, paging, mobile }: { items: SummaryRow[]; paging: DrillPage; mobile: boolean }) {
  const { t } = useTranslation();
  const state = (r: SummaryRow) => <Tag color={SUMMARY_COLORS[r.state]}>{t(`dashboard.summaryStates.${r.state}`)}</Tag>;
  const reopened = (r: SummaryRow) =>
    r.reopenedAt ? (
      <Typography.Text type="warning">{t('dashboard.list.reopened', { reason: r.reopenReason ?? '—' })}</Typography.Text>
    ) : null;
  return (
    <DrillResults<SummaryRow>
      items={items}
      rowKey={(r) => `${r.villageId}:${r.kind}`}
      mobile={mobile}
      paging={paging}
      card={(r) => (
        <Flex vertical gap={2}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{r.villageName}</Typography.Text>
            {state(r)}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('dashboard.list.deadline')} {r.deadline} · {t('dashboard.list.submittedAt')}：{formatDateTime(r.submittedAt)}
            {r.submittedByName ? ` · ${r.submittedByName}` : ''}
          </Typography.Text>
          {reopened(r)}
        </Flex>
      )}
      columns={[
        { title: t('dashboard.summaries.village'), dataIndex: 'villageName' },
        { title: t('dashboard.list.stateCol'), key: 'state', render: (_, r) => state(r) },
        { title: t('dashboard.list.deadline'), dataIndex: 'deadline' },
        { title: t('dashboard.list.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
        { title: t('dashboard.list.submittedBy'), dataIndex: 'submittedByName', render: (v: string | null) => v ?? '—' },
        { title: t('dashboard.list.note'), key: 'note', render: (_, r) => reopened(r) ?? '—' },
      ]}
    />
  );
}
