import { LAPSE_KINDS, type LapseKind } from '@fupin/domain';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CountLink } from '../dashboard/Figure';
import type { UnitRow } from './api';
import { Chain } from './Chain';
import { type LapseFilters, lapsesHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/**
 * 按单位: each village (and the township for its own duties) with its lapses by kind and the
 * chain that answers for it, vacant seats included. Every number opens its lapses.
 */
export function UnitsTable({ rows, frame }: { rows: UnitRow[]; frame: Pick<LapseFilters, 'unit' | 'campaign'> }) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  // The township's row counts the lapses of no village (orders over several villages, its own duties).
  const href = (r: UnitRow, more: Partial<LapseFilters> = {}) =>
    lapsesHref({ ...frame, village: r.kind === 'village' ? r.unitId : 'none', ...more });
  const count = (r: UnitRow, n: number, more: Partial<LapseFilters>, color?: string) => (
    <CountLink n={n} to={href(r, more)} color={color} />
  );
  const kindColumn = (k: LapseKind) => ({
    title: labels.kind(k),
    key: k,
    align: 'right' as const,
    render: (_: unknown, r: UnitRow) => count(r, r.byKind[k], { kind: k }, KIND_COLORS[k]),
  });
  return (
    <Table<UnitRow>
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="units-table"
      columns={[
        { title: t('accountability.units.unit'), dataIndex: 'unitName' },
        {
          title: t('accountability.people.lapses'),
          key: 'lapses',
          align: 'right',
          render: (_, r) => count(r, r.lapses, {}, '#a8071a'),
        },
        {
          title: labels.state('missing'),
          key: 'missing',
          align: 'right',
          render: (_, r) => count(r, r.missing, { state: 'missing' }),
        },
        {
          title: t('accountability.people.maxDaysLate'),
          dataIndex: 'maxDaysLate',
          align: 'right',
          render: (n: number) => (n ? t('accountability.days', { count: n }) : '—'),
        },
        ...LAPSE_KINDS.map(kindColumn),
        {
          title: t('accountability.units.chain'),
          key: 'chain',
          width: 360,
          render: (_, r) => <Chain entries={r.chain} />,
        },
      ]}
    />
  );
}
