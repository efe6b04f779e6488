import { Card, Checkbox, Empty, Flex, Pagination, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSiteNames } from '../../inspections/api';
import type { Problem } from '../api';
import { PAGE_SIZES } from '../filters';
import { useProblemLabels } from '../labels';
import { ProblemTags } from '../ProblemTags';

interface Props {
  items: Problem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (p: Problem) => void;
  /** null: rows cannot be chosen (the reader issues no orders) */
  selection: { ids: string[]; onChange: (ids: string[]) => void } | null;
  compact: boolean;
}

const mono = { fontVariantNumeric: 'tabular-nums' } as const;

function Deadline({ p }: { p: Problem }) {
  return (
    <Typography.Text type={p.overdue ? 'danger' : undefined} style={mono}>
      {p.deadline ?? '—'}
    </Typography.Text>
  );
}

function ProblemCard({ p, selection, place }: { p: Problem; selection: Props['selection']; place: string | null }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const chosen = selection?.ids.includes(p.id) ?? false;
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid="problem-card">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
            {selection && p.status !== 'closed' ? (
              <Checkbox
                checked={chosen}
                aria-label={p.description}
                onChange={(e) =>
                  selection.onChange(e.target.checked ? [...selection.ids, p.id] : selection.ids.filter((id) => id !== p.id))
                }
                style={{ minHeight: 24 }}
              />
            ) : null}
            <Typography.Text strong>{p.villageName ?? t('problems.township')}</Typography.Text>
          </Flex>
          <ProblemTags p={p} />
        </Flex>
        <Link to={`/problems/${p.id}`} style={{ wordBreak: 'break-word' }}>
          {p.description}
        </Link>
        <Typography.Text type="secondary">
          {labels.category(p.category)} · {labels.source(p.source)}
          {place ? ` · ${place}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('problems.deadline')}：<Deadline p={p} />
          {p.responsibleUnitName ? ` · ${p.responsibleUnitName}` : ''}
          {p.responsibleUserName ? ` ${p.responsibleUserName}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** One page of problems: a table on a desk, cards on a phone; chosen rows go onto a supervision order. */
export function ProblemTable({ items, total, page, pageSize, loading, onPage, onOpen, selection, compact }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const siteName = useSiteNames();
  const place = (p: Problem) => p.headName ?? siteName(p.siteId);
  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: !compact,
    pageSizeOptions: [...PAGE_SIZES],
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: onPage,
  };

  if (compact) {
    return (
      <Spin spinning={loading}>
        <Flex vertical gap={8} data-testid="problems-cards">
          {items.length === 0 && !loading ? <Empty description={t('problems.noMatch')} /> : null}
          {items.map((p) => (
            <ProblemCard key={p.id} p={p} selection={selection} place={place(p)} />
          ))}
          {total > 0 ? <Pagination {...pagination} simple align="center" style={{ marginTop: 4 }} /> : null}
        </Flex>
      </Spin>
    );
  }

  const columns: TableColumnsType<Problem> = [
    { title: t('problems.village'), key: 'village', width: 90, render: (_, p) => p.villageName ?? t('problems.township') },
    { title: t('problems.householdOrSite'), key: 'place', width: 110, render: (_, p) => place(p) ?? '—' },
    { title: t('problems.category'), dataIndex: 'category', width: 90, render: (c: string) => labels.category(c) },
    { title: t('problems.source'), dataIndex: 'source', width: 100, render: (s: string) => labels.source(s) },
    {
      title: t('problems.description'),
      dataIndex: 'description',
      render: (d: string, p) => (
        <Link to={`/problems/${p.id}`} onClick={(e) => e.stopPropagation()} style={{ wordBreak: 'break-word' }}>
          {d}
        </Link>
      ),
    },
    {
      title: t('problems.responsible'),
      key: 'responsible',
      width: 150,
      render: (_, p) => [p.responsibleUnitName, p.responsibleUserName].filter(Boolean).join(' / ') || '—',
    },
    { title: t('problems.deadline'), dataIndex: 'deadline', width: 110, render: (_, p) => <Deadline p={p} /> },
    { title: t('problems.status'), key: 'status', width: 130, render: (_, p) => <ProblemTags p={p} /> },
  ];
  return (
    <div data-testid="problems-table">
      <Table<Problem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('problems.noMatch')} /> }}
        rowSelection={
          selection
            ? {
                selectedRowKeys: selection.ids,
                preserveSelectedRowKeys: true,
                onChange: (keys) => selection.onChange(keys.map(String)),
                getCheckboxProps: (p) => ({ disabled: p.status === 'closed', 'aria-label': p.description }),
              }
            : undefined
        }
        // With checkboxes a click on the row would both choose and open it: the description links instead.
        onRow={selection ? undefined : (p) => ({ onClick: () => onOpen(p), style: { cursor: 'pointer' } })}
        pagination={pagination}
      />
    </div>
  );
}
