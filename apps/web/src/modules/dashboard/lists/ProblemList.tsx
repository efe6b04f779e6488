import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { useProblemLabels } from '../../problems/labels';
import { ProblemTags } from '../../problems/ProblemTags';
import type { DashboardProblemRow } from '../api';
import { type DrillPage, DrillResults } from './DrillResults';

/** The problems behind a problem figure, soonest deadline first, each opening its page. */
export function ProblemList({ items, paging, mobile }: { items: DashboardProblemRow[]; paging: DrillPage; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const village = (p: DashboardProblemRow) => p.villageName ?? t('dashboard.problems.township');
  const responsible = (p: DashboardProblemRow) =>
    [p.responsibleUnitName, p.responsibleUserName].filter(Boolean).join(' / ') || '—';
  const deadline = (p: DashboardProblemRow) => (
    <>
      {p.deadline ?? '—'}
      {p.daysOverdue > 0 ? (
        <Typography.Text type="danger" style={{ marginInlineStart: 6 }}>
          {t('dashboard.list.daysOverdue', { count: p.daysOverdue })}
        </Typography.Text>
      ) : null}
    </>
  );
  const description = (p: DashboardProblemRow) => (
    <Link to={`/problems/${p.id}`} style={{ wordBreak: 'break-word' }}>
      {p.description}
    </Link>
  );
  return (
    <DrillResults<DashboardProblemRow>
      items={items}
      rowKey={(p) => p.id}
      mobile={mobile}
      paging={paging}
      card={(p) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" gap={8} align="flex-start">
            <Typography.Text strong style={{ minWidth: 0 }}>
              {description(p)}
            </Typography.Text>
            <ProblemTags p={p} showLevel={false} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {village(p)}
            {p.headName ? ` · ${p.headName}` : ''} · {labels.category(p.category)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('dashboard.list.deadline')}：{deadline(p)} · {responsible(p)}
          </Typography.Text>
        </Flex>
      )}
      columns={[
        { title: t('dashboard.list.description'), key: 'description', width: 320, render: (_, p) => description(p) },
        { title: t('dashboard.visits.village'), key: 'village', render: (_, p) => village(p) },
        { title: t('dashboard.list.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
        { title: t('dashboard.list.categoryCol'), dataIndex: 'category', render: (c: string) => labels.category(c) },
        { title: t('dashboard.list.status'), key: 'status', render: (_, p) => <ProblemTags p={p} /> },
        { title: t('dashboard.list.deadline'), key: 'deadline', render: (_, p) => deadline(p) },
        { title: t('dashboard.list.responsible'), key: 'responsible', render: (_, p) => responsible(p) },
        {
          title: t('dashboard.list.closedAt'),
          dataIndex: 'closedAt',
          render: (v: string | null) => formatDateTime(v).slice(0, 10),
        },
      ]}
    />
  );
}
