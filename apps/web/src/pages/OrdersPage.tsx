import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission } from '../modules/auth/api';
import { useOrders } from '../modules/orders/api';
import { OrderList } from '../modules/orders/OrderList';
import { useWorkPlace } from '../modules/problems/context';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const IssueOrderModal = lazy(() => import('../modules/orders/IssueOrderModal').then((m) => ({ default: m.IssueOrderModal })));

/** /orders 督办整改单: the township's orders with their status; 下发督办单 for the office and the leaders. */
export function OrdersPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const place = useWorkPlace();
  const orders = useOrders();
  const [issuing, setIssuing] = useState(false);
  const canIssue = hasPermission(place.me, 'order.manage') && place.townshipId !== null;
  return (
    <>
      <PageHeader
        title={t('orders.title')}
        extra={
          canIssue ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="order-new">
              {t('orders.issue')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        {orders.error ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <OrderList orders={orders.data ?? []} loading={orders.isPending} mobile={mobile} />
        )}
      </Card>
      {issuing && place.townshipId ? (
        <Suspense fallback={null}>
          <IssueOrderModal
            townshipId={place.townshipId}
            problemIds={[]}
            onClose={() => setIssuing(false)}
            onIssued={(o) => void navigate(`/orders/${o.id}`)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
