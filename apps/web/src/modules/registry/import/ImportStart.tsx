import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Unit } from '@fupin/domain/schemas/org';
import { App, Button, Card, Flex, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { useUnitPermission } from '../../org/access';
import { UnitTreeSelect } from '../../org/UnitTreeSelect';
import { downloadFile } from '../files';
import { type ImportJob, useUploadImport } from '../import-api';

interface Props {
  unitId: string | undefined;
  onUnit: (id: string | undefined) => void;
  onUploaded: (job: ImportJob) => void;
  mobile: boolean;
}

const XLSX = /\.xlsx$/i;

/** Steps 1 and 2: the unit to import into (with its template), then the filled file. */
export function ImportStart({ unitId, onUnit, onUploaded, mobile }: Props) {
  const { t } = useTranslation();
  const may = useUnitPermission();
  const report = useReportError();
  const { message } = App.useApp();
  const upload = useUploadImport();
  const [downloading, setDownloading] = useState(false);
  // A township (all its villages) or a village; never a county or a group.
  const notImportable = useCallback(
    (u: Unit) => (u.kind !== 'township' && u.kind !== 'village') || !may('household.manage', u),
    [may],
  );

  const template = () => {
    if (!unitId) return;
    setDownloading(true);
    downloadFile('/api/registry/template.xlsx', { unitId }, 'template.xlsx')
      .catch((err: unknown) => report(err))
      .finally(() => setDownloading(false));
  };

  return (
    <Flex vertical gap={16}>
      <Card title={`1. ${t('registry.importPage.stepUnit')}`} size="small" data-testid="import-unit">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('registry.importPage.unitHelp')}</Typography.Text>
          <Flex wrap gap={8}>
            <UnitTreeSelect
              value={unitId}
              onChange={(id) => onUnit(id ?? undefined)}
              isDisabled={notImportable}
              allowClear={false}
              placeholder={t('registry.importPage.unit')}
              aria-label={t('registry.importPage.unit')}
              style={{ width: mobile ? '100%' : 260 }}
              data-testid="import-unit-select"
            />
            <Button
              icon={<DownloadOutlined />}
              disabled={!unitId}
              loading={downloading}
              onClick={template}
              block={mobile}
              data-testid="import-template"
            >
              {t('registry.importPage.template')}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{t('registry.importPage.templateHelp')}</Typography.Text>
        </Flex>
      </Card>
      <Card title={`2. ${t('registry.importPage.stepUpload')}`} size="small" data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={!unitId || upload.isPending}
          beforeUpload={(file) => {
            if (XLSX.test(file.name)) return true;
            void message.error(t('registry.importPage.notXlsx'));
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            if (!unitId) return;
            upload.mutate(
              { unitId, file: file as File },
              {
                onSuccess: (job) => {
                  onSuccess?.(job);
                  onUploaded(job);
                },
                onError: (err) => {
                  onError?.(err);
                  report(err);
                },
              },
            );
          }}
          data-testid="import-dropzone"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {upload.isPending ? t('registry.importPage.uploading') : t('registry.importPage.upload')}
          </p>
          <p className="ant-upload-hint" style={{ paddingInline: 12 }}>
            {t('registry.importPage.uploadHint')}
          </p>
        </Upload.Dragger>
      </Card>
    </Flex>
  );
}
