import type { HouseholdListItem } from '@fupin/domain/schemas/households';
import { Card, Empty, Flex, Pagination, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FlagRules, FlagTags } from '../../rules/flags';
import type { TagOption } from '../api';
import { PAGE_SIZES } from '../filters';
import { useRegistryLabels } from '../labels';
import { StatusTags } from '../StatusTags';

interface Props {
  items: HouseholdListItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (h: HouseholdListItem) => void;
  tags: readonly TagOption[];
  /** one card per household instead of eight columns: a phone cannot show them side by side */
  compact: boolean;
  /** the list's query string, handed to the household page for its way back */
  from: string;
  /** the active rules, naming each flag in its tooltip */
  flagRules: FlagRules;
}

const place = (h: HouseholdListItem) => (h.groupName ? `${h.villageName} ${h.groupName}` : h.villageName);
const mono = { fontVariantNumeric: 'tabular-nums' } as const;

function HouseholdCard({
  h,
  tags,
  flagRules,
  onOpen,
}: {
  h: HouseholdListItem;
  tags: readonly TagOption[];
  flagRules: FlagRules;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
      tabIndex={0}
      styles={{ body: { padding: 12 } }}
      data-testid="household-card"
      role="link"
      aria-label={h.headName}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {h.headName || t('registry.noHead')}
          </Typography.Text>
          <StatusTags status={h.povertyStatus} exitYear={h.exitYear} tags={h.tags} tagOptions={tags} />
        </Flex>
        <Typography.Text type="secondary">
          {place(h)} · <span style={mono}>{h.householdNumber ?? t('common.none')}</span>
        </Typography.Text>
        {h.headIdNumber ? <Typography.Text style={mono}>{h.headIdNumber}</Typography.Text> : null}
        <Typography.Text type="secondary">
          {t('registry.persons', { count: h.currentMembers })} · {t('registry.perCapita')} {labels.yuan(h.perCapitaIncome)}
          {h.cadres.length ? ` · ${h.cadres.join(t('common.listSep'))}` : ''}
        </Typography.Text>
        {h.flags.length ? <FlagTags ids={h.flags} rules={flagRules} /> : null}
      </Flex>
    </Card>
  );
}

/** One page of households; paging happens on the server. Clicking a row opens the household. */
export function HouseholdTable({ items, total, page, pageSize, loading, onPage, onOpen, tags, compact, from, flagRules }: Props) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
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
        <Flex vertical gap={8} data-testid="households-cards">
          {items.length === 0 && !loading ? <Empty description={t('registry.noMatch')} /> : null}
          {items.map((h) => (
            <HouseholdCard key={h.id} h={h} tags={tags} flagRules={flagRules} onOpen={() => onOpen(h)} />
          ))}
          {total > 0 ? <Pagination {...pagination} simple align="center" style={{ marginTop: 4 }} /> : null}
        </Flex>
      </Spin>
    );
  }

  const columns: TableColumnsType<HouseholdListItem> = [
    {
      title: t('registry.householdNumber'),
      dataIndex: 'householdNumber',
      render: (n: string | null) => <span style={mono}>{n ?? '—'}</span>,
    },
    {
      title: t('registry.head'),
      dataIndex: 'headName',
      render: (name: string, h) => (
        <Link to={`/registry/${h.id}`} state={{ from }} onClick={(e) => e.stopPropagation()}>
          {name || t('registry.noHead')}
        </Link>
      ),
    },
    {
      title: t('registry.headIdNumber'),
      dataIndex: 'headIdNumber',
      render: (n: string | null) => <span style={mono}>{n ?? '—'}</span>,
    },
    { title: t('registry.villageGroup'), key: 'place', render: (_, h) => place(h) },
    {
      title: t('registry.status'),
      key: 'status',
      render: (_, h) => <StatusTags status={h.povertyStatus} exitYear={h.exitYear} tags={h.tags} tagOptions={tags} />,
    },
    {
      title: t('rules.flags.column'),
      dataIndex: 'flags',
      render: (flags: string[]) => <FlagTags ids={flags} rules={flagRules} />,
    },
    { title: t('registry.currentMembers'), dataIndex: 'currentMembers', align: 'right' },
    {
      title: t('registry.perCapita'),
      dataIndex: 'perCapitaIncome',
      align: 'right',
      render: (v: number | null) => <span style={mono}>{labels.yuan(v)}</span>,
    },
    { title: t('registry.cadres'), dataIndex: 'cadres', render: (c: string[]) => (c.length ? c.join(t('common.listSep')) : '—') },
  ];
  return (
    <div data-testid="households-table">
      <Table<HouseholdListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('registry.noMatch')} /> }}
        onRow={(h) => ({ onClick: () => onOpen(h), style: { cursor: 'pointer' } })}
        pagination={pagination}
      />
    </div>
  );
}
