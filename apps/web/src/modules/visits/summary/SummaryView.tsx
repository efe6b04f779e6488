/** A village summary (附件3) on screen: by household type, members, problems by category, coverage. */
import { HOUSEHOLD_TYPES, PROBLEM_CATEGORIES, type VisitSummary } from '@fupin/domain';
import { Descriptions, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryStatus } from '../api';
import { useVisitLabels } from '../labels';

const STATUS_COLORS: Record<SummaryStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'success',
  late: 'error',
};

export function SummaryStatusTag({ status }: { status: SummaryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="summary-status" data-status={status}>
      {t(`visits.summary.status.${status}`)}
    </Tag>
  );
}

export function SummaryView({ summary: s }: { summary: VisitSummary }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const rows = [
    ...HOUSEHOLD_TYPES.map((type) => ({ key: type, name: labels.type(type), ...s.byType[type] })),
    { key: 'total', name: t('visits.summary.total'), inScope: s.inScope, visited: s.visited },
  ];
  const categories = PROBLEM_CATEGORIES.codes.filter((c) => (s.problemsByCategory[c] ?? 0) > 0);
  return (
    <Flex vertical gap={12} data-testid="summary-view">
      <Flex align="center" gap={16} wrap>
        <Progress type="circle" size={84} percent={Math.round(s.coverage * 1000) / 10} />
        <div>
          <Typography.Text type="secondary">{t('visits.summary.coverage')}</Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="summary-coverage">
            {s.visited} / {s.inScope}
          </Typography.Title>
        </div>
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('visits.summary.type'), dataIndex: 'name' },
          { title: t('visits.summary.inScope'), dataIndex: 'inScope', align: 'right', width: 72 },
          { title: t('visits.summary.visited'), dataIndex: 'visited', align: 'right', width: 72 },
        ]}
        rowClassName={(r) => (r.key === 'total' ? 'ant-table-row-selected' : '')}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'members', label: t('visits.summary.membersConfirmed'), children: s.membersConfirmed },
          { key: 'problems', label: t('visits.summary.problems'), children: s.problems },
          { key: 'onSite', label: t('visits.summary.solvedOnSite'), children: s.solvedOnSite },
          { key: 'escalated', label: t('visits.summary.escalated'), children: s.escalated },
          { key: 'marginal', label: t('visits.summary.newMarginal'), children: s.newMarginal },
          { key: 'key', label: t('visits.summary.newKey'), children: s.newKey },
          { key: 'discrepancies', label: t('visits.summary.discrepancies'), children: s.discrepancies },
        ]}
      />
      <div>
        <Typography.Text strong>{t('visits.summary.problemsByCategory')}</Typography.Text>
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          {categories.length === 0 ? (
            <Typography.Text type="secondary">{t('visits.summary.noProblems')}</Typography.Text>
          ) : (
            categories.map((c) => (
              <Tag key={c} color="volcano">
                {labels.category(c)} {s.problemsByCategory[c]}
              </Tag>
            ))
          )}
        </Flex>
      </div>
    </Flex>
  );
}
