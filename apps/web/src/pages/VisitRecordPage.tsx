import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useVisitRecord } from '../modules/visits/api';
import { PRINT_CSS, VisitPrint } from '../modules/visits/print/VisitPrint';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';

/** /visits/record/:visitId 走访表: the whole submitted form, laid out for A4, with 打印. */
export function VisitRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { visitId = '' } = useParams();
  const record = useVisitRecord(visitId);
  if (record.error) {
    const missing = record.error instanceof ApiError && [400, 403, 404].includes(record.error.status);
    return missing ? (
      <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('visits.record.notFound')} />
    ) : (
      <QueryError error={record.error} onRetry={() => void record.refetch()} />
    );
  }
  if (!record.data) return <FullPageSpin fullHeight={false} />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" gap={8} style={{ maxWidth: 820, margin: '0 auto 12px' }} data-print-hide>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('visits.record.print')}
        </Button>
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <VisitPrint record={record.data} />
      </div>
    </>
  );
}
