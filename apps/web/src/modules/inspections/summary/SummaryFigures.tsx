import type { InspectionSummary } from '@fupin/domain';
import { PROBLEM_CATEGORIES } from '@fupin/domain';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemLabels } from '../../problems/labels';
import type { SummaryState } from '../api';

const FIELDS = [
  'sites',
  'sitesInspected',
  'sitesMissing',
  'itemsChecked',
  'itemsFailed',
  'problems',
  'closed',
  'inRectification',
  'escalated',
  'crosscheckFound',
  'reopened',
] as const;

export const SUMMARY_STATUS_COLORS: Record<string, string> = {
  not_started: 'default',
  in_progress: 'blue',
  submitted: 'green',
  late: 'red',
};

export function SummaryStatus({ status }: { status: SummaryState['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUMMARY_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="summary-status">
      {t(`inspections.summary.statuses.${status}`)}
    </Tag>
  );
}

interface Row {
  key: string;
  label: string;
  live: number;
  submitted: number | null;
}

/** 附件5 of one village: each figure live, and as submitted beside it when it was. */
export function SummaryFigures({ state }: { state: SummaryState }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const value = (s: InspectionSummary | null, key: string): number | null => {
    if (!s) return null;
    if (key.startsWith('cat:')) return s.problemsByCategory[key.slice(4)] ?? 0;
    return s[key as (typeof FIELDS)[number]];
  };
  const categories = PROBLEM_CATEGORIES.codes.filter(
    (c) => (state.live.problemsByCategory[c] ?? 0) > 0 || (state.submitted?.problemsByCategory[c] ?? 0) > 0,
  );
  const rows: Row[] = [
    ...FIELDS.map((f) => ({ key: f, label: t(`inspections.summary.fields.${f}`) })),
    ...categories.map((c) => ({ key: `cat:${c}`, label: `${t('inspections.summary.byCategory')} · ${labels.category(c)}` })),
  ].map((r) => ({ ...r, live: value(state.live, r.key) ?? 0, submitted: value(state.submitted, r.key) }));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="summary-figures"
      columns={[
        { title: t('inspections.summary.item'), dataIndex: 'label' },
        { title: t('inspections.summary.live'), dataIndex: 'live', align: 'right' },
        ...(state.submitted
          ? [{ title: t('inspections.summary.asSubmitted'), dataIndex: 'submitted', align: 'right' as const }]
          : []),
      ]}
    />
  );
}
