import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReportError } from '../api/use-report-error';
import { useBulletin } from '../modules/competition/api';
import { BULLETIN_PRINT_CSS, BulletinView } from '../modules/competition/bulletin/BulletinView';
import { downloadFile } from '../modules/registry/files';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /competition/rounds/:id/bulletin 排名通报: the published ranking laid out for paper, with 打印 and 导出 .xlsx. */
export function CompetitionBulletinPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const report = useReportError();
  const { id = '' } = useParams();
  const bulletin = useBulletin(id);
  const [exporting, setExporting] = useState(false);
  const back = (
    <Link to={`/competition/rounds/${id}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('competition.bulletin.back')}</Button>
    </Link>
  );

  if (bulletin.error) {
    const e = bulletin.error;
    if (e instanceof ApiError && [400, 403, 404, 409].includes(e.status))
      return (
        <Result
          status="info"
          title={e.status === 409 ? t('competition.bulletin.notPublished') : t('competition.notFound')}
          subTitle={e.message}
          extra={back}
        />
      );
    return <QueryError error={e} onRetry={() => void bulletin.refetch()} />;
  }
  if (!bulletin.data) return <FullPageSpin fullHeight={false} />;
  const b = bulletin.data;
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(`/api/competition/rounds/${b.roundId}/bulletin.xlsx`, {}, `${b.title}.xlsx`);
      void message.success(t('competition.bulletin.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <style>{BULLETIN_PRINT_CSS}</style>
      <Flex justify="space-between" gap={8} wrap style={{ maxWidth: 960, margin: '0 auto 12px' }} data-print-hide>
        {back}
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} data-testid="bulletin-export">
            {t('competition.bulletin.export')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="bulletin-print">
            {t('competition.bulletin.print')}
          </Button>
        </Flex>
      </Flex>
      <BulletinView b={b} compact={mobile} />
    </>
  );
}
