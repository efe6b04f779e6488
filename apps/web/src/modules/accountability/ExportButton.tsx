import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { downloadFile } from '../registry/files';
import { type LapseFilters, lapseQuery } from './filters';

/** 导出责任倒查表: the lapses under the same filters as an .xlsx for the commission's file. */
export function ExportButton({ filters }: { filters: LapseFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const query = lapseQuery(filters);
  const onExport = async () => {
    if (!query) return;
    setBusy(true);
    try {
      await downloadFile('/api/accountability/lapses.xlsx', query, 'accountability.xlsx');
      void message.success(t('accountability.exported'));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type="primary"
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={!query}
      onClick={() => void onExport()}
      data-testid="export-lapses"
    >
      {t('accountability.export')}
    </Button>
  );
}
