import { isVacant, LAPSE_KINDS, type LapseKind } from '@fupin/domain';
import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CountLink } from '../dashboard/Figure';
import type { SendingUnitRow } from './api';
import { type LapseFilters, lapsesHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/** The row's value of the `sending` filter: the unit's name, or `none` for cadres whose unit is not recorded. */
export const sendingKey = (r: Pick<SendingUnitRow, 'name'>): string => r.name ?? 'none';

/** 派出单位 as the commission reads it: its name, or 未登记派出单位 in grey. */
function UnitName({ r }: { r: SendingUnitRow }) {
  const { t } = useTranslation();
  return r.name ? (
    <Typography.Text data-testid="sending-unit-name">{r.name}</Typography.Text>
  ) : (
    <Typography.Text type="secondary" data-testid="sending-unit-name">
      {t('accountability.sending.none')}
    </Typography.Text>
  );
}

/** The unit's head (有关单位负责人) with their title, or （空缺） in red as the chain shows a vacant seat. */
function Head({ r }: { r: SendingUnitRow }) {
  const { t } = useTranslation();
  if (isVacant({ userId: null, name: r.headName }))
    return (
      <Typography.Text type="danger" data-testid="sending-unit-head" data-vacant="true">
        {t('accountability.vacant')}
      </Typography.Text>
    );
  return (
    <Typography.Text data-testid="sending-unit-head" data-head={r.headName ?? ''}>
      {r.headName}
      {r.headTitle ? t('accountability.about', { about: r.headTitle }) : null}
    </Typography.Text>
  );
}

/**
 * 按派出单位: the lapses whose chain names each sending unit's head, who answers with the cadres
 * the unit sent, worst first. Every number opens exactly its lapses. On a phone the unit and its
 * head share the first column, held in place while the figures scroll beside it.
 */
export function SendingUnitsTable({
  rows,
  frame,
  mobile,
}: {
  rows: SendingUnitRow[];
  frame: Pick<LapseFilters, 'unit' | 'campaign'>;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  const href = (r: SendingUnitRow, more: Partial<LapseFilters> = {}) => lapsesHref({ ...frame, sending: sendingKey(r), ...more });
  const kindColumn = (k: LapseKind) => ({
    title: labels.kind(k),
    key: k,
    align: 'right' as const,
    width: 64,
    render: (_: unknown, r: SendingUnitRow) => <CountLink n={r.byKind[k]} to={href(r, { kind: k })} color={KIND_COLORS[k]} />,
  });
  return (
    <Table<SendingUnitRow>
      size="small"
      rowKey={sendingKey}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="sending-units-table"
      columns={[
        mobile
          ? {
              title: `${t('accountability.sending.unit')} / ${t('accountability.sending.head')}`,
              key: 'unit',
              fixed: 'left' as const,
              // narrow enough that the lapse count stays in sight beside it on a 390-px phone
              width: 150,
              render: (_: unknown, r: SendingUnitRow) => (
                <Flex vertical gap={0} style={{ fontSize: 13, wordBreak: 'break-word' }}>
                  <UnitName r={r} />
                  <Head r={r} />
                </Flex>
              ),
            }
          : {
              title: t('accountability.sending.unit'),
              key: 'unit',
              render: (_: unknown, r: SendingUnitRow) => <UnitName r={r} />,
            },
        ...(mobile
          ? []
          : [
              { title: t('accountability.sending.head'), key: 'head', render: (_: unknown, r: SendingUnitRow) => <Head r={r} /> },
            ]),
        {
          title: t('accountability.people.lapses'),
          key: 'lapses',
          align: 'right',
          render: (_, r) => <CountLink n={r.lapses} to={href(r)} color="#a8071a" testId="sending-unit-lapses" />,
        },
        {
          title: labels.state('missing'),
          key: 'missing',
          align: 'right',
          render: (_, r) => <CountLink n={r.missing} to={href(r, { state: 'missing' })} />,
        },
        {
          title: t('accountability.people.maxDaysLate'),
          dataIndex: 'maxDaysLate',
          align: 'right',
          render: (n: number) => (n ? t('accountability.days', { count: n }) : '—'),
        },
        ...LAPSE_KINDS.map(kindColumn),
      ]}
    />
  );
}
