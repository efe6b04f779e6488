import { LAPSE_KINDS, type LapseKind } from '@fupin/domain';
import { Flex, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountLink } from '../dashboard/Figure';
import type { PersonRow } from './api';
import { type LapseFilters, lapsesHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/**
 * 按人员: everyone who answers for a lapse, worst first, with the duties they hold; each number
 * opens that person's lapses with the evidence. asChain counts others' lapses they stand above.
 */
export function PeopleTable({
  rows,
  frame,
  mobile,
}: {
  rows: PersonRow[];
  frame: Pick<LapseFilters, 'unit' | 'campaign'>;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  // A township has dozens of people with lapses: finding one by name beats paging.
  const [q, setQ] = useState('');
  const shown = useMemo(() => (q.trim() ? rows.filter((r) => r.name.includes(q.trim())) : rows), [rows, q]);
  const href = (r: PersonRow, more: Partial<LapseFilters> = {}) => lapsesHref({ ...frame, user: r.userId, ...more });
  const kindColumn = (k: LapseKind) => ({
    title: labels.kind(k),
    key: k,
    align: 'right' as const,
    width: 64,
    render: (_: unknown, r: PersonRow) => <CountLink n={r.byKind[k]} to={href(r, { kind: k })} color={KIND_COLORS[k]} />,
  });
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        placeholder={t('accountability.people.search')}
        onChange={(e) => setQ(e.target.value)}
        style={{ maxWidth: mobile ? '100%' : 280, padding: mobile ? '8px 8px 0' : 0 }}
        data-testid="people-search"
      />
      <Table<PersonRow>
        size="small"
        rowKey="userId"
        dataSource={shown}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="people-table"
        columns={[
          {
            title: t('accountability.people.name'),
            dataIndex: 'name',
            fixed: mobile ? 'left' : undefined,
            render: (name: string, r) => (
              <Link to={href(r)} data-testid="person-link">
                {name}
              </Link>
            ),
          },
          {
            title: t('accountability.people.links'),
            key: 'links',
            render: (_, r) => (
              <Flex gap={4} wrap>
                {r.links.map((l) => (
                  <Tag key={l} style={{ marginInlineEnd: 0 }}>
                    {labels.link(l)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('accountability.people.lapses'),
            key: 'lapses',
            align: 'right',
            render: (_, r) => <CountLink n={r.lapses} to={href(r)} color="#a8071a" testId="person-lapses" />,
          },
          {
            title: labels.state('missing'),
            key: 'missing',
            align: 'right',
            render: (_, r) => <CountLink n={r.missing} to={href(r, { state: 'missing' })} />,
          },
          {
            title: labels.state('late'),
            key: 'late',
            align: 'right',
            render: (_, r) => <CountLink n={r.late} to={href(r, { state: 'late' })} />,
          },
          {
            title: t('accountability.people.maxDaysLate'),
            dataIndex: 'maxDaysLate',
            align: 'right',
            render: (n: number) => (n ? t('accountability.days', { count: n }) : '—'),
          },
          ...LAPSE_KINDS.map(kindColumn),
          {
            title: (
              <Typography.Text title={t('accountability.people.asChainHelp')}>
                {t('accountability.people.asChain')}
              </Typography.Text>
            ),
            dataIndex: 'asChain',
            align: 'right',
          },
        ]}
      />
    </Flex>
  );
}
