import { Card, Empty, Flex, Pagination, Spin, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DRILL_PAGE_SIZES } from '../drill';

export interface DrillPage {
  page: number;
  pageSize: number;
  total: number;
  loading: boolean;
  onPage: (page: number, size: number) => void;
}

/** One page of a figure's rows: a table on a desk, cards on a phone (nothing wider than 390 px). */
export function DrillResults<T extends object>({
  items,
  rowKey,
  columns,
  card,
  mobile,
  paging,
  scrollX = 'max-content',
}: {
  /** the table's width on a desk: its content's, or a fixed width whose columns wrap */
  scrollX?: number | 'max-content';
  items: T[];
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  card: (row: T) => ReactNode;
  mobile: boolean;
  paging: DrillPage;
}) {
  const { t } = useTranslation();
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: !mobile,
    pageSizeOptions: DRILL_PAGE_SIZES.map(String),
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: paging.onPage,
  };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.list.empty')} />;
  if (mobile)
    return (
      <Spin spinning={paging.loading}>
        <Flex vertical gap={8} data-testid="drill-list">
          {items.length === 0 && !paging.loading ? empty : null}
          {items.map((row) => (
            <Card key={rowKey(row)} size="small" data-testid="drill-row" styles={{ body: { padding: '8px 12px' } }}>
              {card(row)}
            </Card>
          ))}
          {paging.total > 0 ? <Pagination {...pagination} simple align="center" style={{ marginTop: 4 }} /> : null}
        </Flex>
      </Spin>
    );
  return (
    <Table<T>
      size="small"
      rowKey={rowKey}
      dataSource={items}
      columns={columns}
      loading={paging.loading}
      pagination={pagination}
      scroll={{ x: scrollX }}
      locale={{ emptyText: empty }}
      data-testid="drill-list"
      onRow={() => ({ 'data-testid': 'drill-row' }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
