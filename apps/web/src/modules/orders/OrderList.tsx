import { Card, Empty, Flex, Progress, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ORDER_STATUS_COLORS, useProblemLabels } from '../problems/labels';
import type { Order } from './api';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

export function OrderStatusTag({ status }: { status: Order['status'] }) {
  const labels = useProblemLabels();
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="order-status">
      {labels.orderStatus(status)}
    </Tag>
  );
}

function Done({ o }: { o: Order }) {
  return (
    <Flex gap={6} align="center" style={{ minWidth: 120 }}>
      <Progress
        percent={o.problems ? Math.round((o.closed / o.problems) * 100) : 0}
        size="small"
        showInfo={false}
        style={{ width: 60, margin: 0 }}
      />
      <span style={num}>
        {o.closed}/{o.problems}
      </span>
    </Flex>
  );
}

/** 督办整改单: number, subject, deadline, who answers, how far it is done; newest first. */
export function OrderList({ orders, loading, mobile }: { orders: Order[]; loading: boolean; mobile: boolean }) {
  const { t } = useTranslation();
  const responsible = (o: Order) => o.responsible.map((r) => r.name).join(t('common.listSep'));
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="order-cards">
        {orders.length === 0 && !loading ? <Empty description={t('orders.empty')} /> : null}
        {orders.map((o) => (
          <Card key={o.id} size="small" styles={{ body: { padding: 12 } }}>
            <Flex vertical gap={4}>
              <Flex justify="space-between" gap={8}>
                <Link to={`/orders/${o.id}`}>
                  <Typography.Text strong>{o.number}</Typography.Text>
                </Link>
                <OrderStatusTag status={o.status} />
              </Flex>
              <Typography.Text style={{ wordBreak: 'break-word' }}>{o.title}</Typography.Text>
              <Typography.Text type="secondary">
                {t('orders.deadline')} {o.deadline} · {responsible(o)}
              </Typography.Text>
              <Done o={o} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  const columns: TableColumnsType<Order> = [
    { title: t('orders.number'), dataIndex: 'number', render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link> },
    { title: t('orders.titleField'), dataIndex: 'title' },
    { title: t('orders.deadline'), dataIndex: 'deadline', render: (d: string) => <span style={num}>{d}</span> },
    { title: t('orders.responsible'), key: 'responsible', render: (_, o) => responsible(o) },
    { title: t('orders.progress'), key: 'done', render: (_, o) => <Done o={o} /> },
    { title: t('orders.status'), dataIndex: 'status', render: (s: Order['status']) => <OrderStatusTag status={s} /> },
    { title: t('orders.issuedAt'), dataIndex: 'issuedAt', render: (d: string) => <span style={num}>{formatDateTime(d)}</span> },
  ];
  return (
    <Table<Order>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={orders}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('orders.empty')} /> }}
      data-testid="orders-table"
    />
  );
}
