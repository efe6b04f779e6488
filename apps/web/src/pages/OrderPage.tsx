import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Flex, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReportError } from '../api/use-report-error';
import { useSiteNames } from '../modules/inspections/api';
import { useOrder } from '../modules/orders/api';
import { ORDER_PRINT_CSS, OrderPrint } from '../modules/orders/OrderPrint';
import { useUnits } from '../modules/org/api';
import { useProblemList } from '../modules/problems/api';
import { downloadFile } from '../modules/registry/files';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /orders/:id 督办整改单: the order laid out for paper, with 打印 and 导出 .xlsx. */
export function OrderPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const report = useReportError();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const problems = useProblemList({ orderId: id, limit: 500, offset: 0 }, order.isSuccess);
  const units = useUnits();
  const siteName = useSiteNames();
  const [exporting, setExporting] = useState(false);

  if (order.error) {
    const missing = order.error instanceof ApiError && [400, 403, 404].includes(order.error.status);
    return missing ? (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('orders.notFound')}
        extra={
          <Link to="/orders">
            <Button type="primary">{t('orders.backToList')}</Button>
          </Link>
        }
      />
    ) : (
      <QueryError error={order.error} onRetry={() => void order.refetch()} />
    );
  }
  if (!order.data || problems.isPending) return <FullPageSpin fullHeight={false} />;
  const o = order.data.order;
  const township = units.data?.find((u) => u.id === o.townshipId)?.name ?? '';
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(`/api/orders/${o.id}/order.xlsx`, {}, `${o.number}.xlsx`);
      void message.success(t('orders.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <style>{ORDER_PRINT_CSS}</style>
      <Flex justify="space-between" gap={8} wrap style={{ maxWidth: 1040, margin: '0 auto 12px' }} data-print-hide>
        <Link to="/orders">
          <Button icon={<ArrowLeftOutlined />}>{t('orders.backToList')}</Button>
        </Link>
        <Flex gap={8} wrap>
          <Link to={`/problems?order=${o.id}`}>
            <Button icon={<UnorderedListOutlined />}>{t('orders.openLedger')}</Button>
          </Link>
          {order.data.limited ? null : (
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} data-testid="order-export">
              {t('orders.export')}
            </Button>
          )}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="order-print-button">
            {t('orders.print')}
          </Button>
        </Flex>
      </Flex>
      {problems.error ? <QueryError error={problems.error} onRetry={() => void problems.refetch()} /> : null}
      <OrderPrint order={o} problems={problems.data?.items ?? []} townshipName={township} siteName={siteName} compact={mobile} />
    </>
  );
}
