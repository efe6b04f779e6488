import { SUMMARY_STATES, type SummaryState } from '@fupin/domain';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from './api';
import { type DrillFilters, drillHref, type SummaryKind } from './drill';

export const SUMMARY_COLORS: Record<SummaryState, string> = {
  submitted: 'success',
  submitted_late: 'warning',
  pending: 'default',
  late: 'error',
};

type Frame = Pick<DrillFilters, 'unit' | 'campaign'>;
type Counts = Dashboard['summaries']['visit'];

/** One summary's standing across villages: a tag per state with its count, each opening those villages. */
function KindRow({ kind, c, frame }: { kind: SummaryKind; c: Counts; frame: Frame }) {
  const { t } = useTranslation();
  const counts: Record<SummaryState, number> = {
    submitted: c.submitted - c.submittedLate,
    submitted_late: c.submittedLate,
    pending: c.pending,
    late: c.late,
  };
  return (
    <Flex vertical gap={4} data-testid={`summary-${kind}`}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{t(`dashboard.summaries.${kind}`)}</Typography.Text>
        {c.deadline ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.summaries.deadline', { date: c.deadline })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex gap={6} wrap>
        {SUMMARY_STATES.map((s) => (
          <Link key={s} to={drillHref('summaries', { ...frame, kind, state: s })} data-testid={`summary-${kind}-${s}`}>
            <Tag color={SUMMARY_COLORS[s]} style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
              {t(`dashboard.summaryStates.${s}`)} {counts[s]}
            </Tag>
          </Link>
        ))}
      </Flex>
    </Flex>
  );
}

type VillageRow = Dashboard['summaries']['byVillage'][number];

/** 汇总上报: 附件3 and 附件5 of every village, on time, late or still missing. */
export function SummaryPanel({ d, frame, mobile }: { d: Dashboard; frame: Frame; mobile: boolean }) {
  const { t } = useTranslation();
  const tag = (s: SummaryState) => <Tag color={SUMMARY_COLORS[s]}>{t(`dashboard.summaryStates.${s}`)}</Tag>;
  return (
    <Card size="small" title={t('dashboard.summaries.title')} style={{ height: '100%' }} data-testid="summary-panel">
      <Flex vertical gap={12}>
        <KindRow kind="visit" c={d.summaries.visit} frame={frame} />
        <KindRow kind="inspection" c={d.summaries.inspection} frame={frame} />
        <Table<VillageRow>
          size="small"
          rowKey="villageId"
          dataSource={d.summaries.byVillage}
          pagination={{ pageSize: 12, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
          scroll={mobile ? { x: 320 } : undefined}
          columns={[
            { title: t('dashboard.summaries.village'), dataIndex: 'villageName', width: 80 },
            { title: t('dashboard.summaries.visitShort'), dataIndex: 'visit', render: tag },
            { title: t('dashboard.summaries.inspectionShort'), dataIndex: 'inspection', render: tag },
          ]}
        />
      </Flex>
    </Card>
  );
}
