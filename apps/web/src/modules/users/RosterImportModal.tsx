import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Unit } from '@fupin/domain/schemas/org';
import { App, Button, Flex, Form, Modal, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useMe } from '../auth/api';
import { useUnitPermission } from '../org/access';
import { useUnits } from '../org/api';
import { InitialPasswordField } from './InitialPasswordField';
import { generatePassword } from './password';
import { RosterErrors, RosterSummary } from './RosterOutcome';
import { downloadRoster, isRosterRefusal, type RosterResult, useImportRoster } from './roster-api';
import { townshipOf } from './WorkUnitSelect';

const XLSX = /\.xlsx$/i;

/** Townships whose users the reader may manage, their own township first. */
export function useRosterTownships(): Unit[] {
  const units = useUnits();
  const me = useMe();
  const may = useUnitPermission();
  return useMemo(() => {
    const list = units.data ?? [];
    const own = townshipOf(list.find((u) => u.id === me.data?.user.homeUnitId));
    const townships = list.filter((u) => u.kind === 'township' && may('user.manage', u));
    return [...townships.filter((u) => u.id === own), ...townships.filter((u) => u.id !== own)];
  }, [units.data, me.data, may]);
}

interface Values {
  townshipId: string;
  password: string;
  file: UploadFile[];
}

/**
 * 导入帮扶干部: a township's roster (accounts, 派出单位, pairings) from the template in one
 * request, all or nothing. A refused roster lists every error; a good one says what it did.
 */
export function RosterImportModal({ townships, onClose }: { townships: Unit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const importRoster = useImportRoster();
  const report = useReportError();
  const { message } = App.useApp();
  const [result, setResult] = useState<RosterResult | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [downloading, setDownloading] = useState<'template' | 'current' | null>(null);
  const townshipId = Form.useWatch('townshipId', form) ?? townships[0]?.id;
  const running = importRoster.isPending;
  const townshipName = townships.find((u) => u.id === townshipId)?.name ?? '';

  const download = (which: 'template' | 'current') => {
    if (!townshipId) return;
    setDownloading(which);
    downloadRoster(townshipId, which)
      .catch((err: unknown) => report(err))
      .finally(() => setDownloading(null));
  };

  const onFinish = (v: Values) => {
    const file = v.file[0]?.originFileObj;
    if (!file) return;
    setRefusal(null);
    importRoster.mutate(
      { townshipId: v.townshipId, password: v.password, file },
      {
        onSuccess: setResult,
        onError: (err) => {
          if (isRosterRefusal(err)) {
            setRefusal(err);
            // The clerk corrects the file in Excel: the copy the browser holds is the old one.
            form.setFieldValue('file', []);
          } else report(err, form);
        },
      },
    );
  };

  const again = () => {
    setResult(null);
    form.setFieldValue('file', []);
  };

  const footer = result
    ? [
        <Button key="again" onClick={again}>
          {t('users.roster.again')}
        </Button>,
        <Button key="done" type="primary" onClick={onClose} data-testid="roster-done">
          {t('common.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} disabled={running}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={running} onClick={() => form.submit()} data-testid="roster-submit">
          {t('users.roster.submit')}
        </Button>,
      ];

  return (
    <Modal
      open
      // With one township there is nothing to choose: the title names it.
      title={townships.length < 2 ? `${t('users.roster.title')} · ${townshipName}` : t('users.roster.title')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      footer={footer}
      width={600}
      destroyOnHidden
    >
      <Spin spinning={running} description={t('users.roster.running')}>
        <Flex vertical gap={12} data-testid="roster-import">
          {result ? (
            <RosterSummary result={result} />
          ) : (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('users.roster.intro')}
              </Typography.Paragraph>
              <Form
                name="roster"
                form={form}
                layout="vertical"
                onFinish={onFinish}
                onValuesChange={(changed: Partial<Values>) => {
                  if ('townshipId' in changed) setRefusal(null);
                }}
                initialValues={{ townshipId: townships[0]?.id, password: generatePassword(), file: [] }}
                style={{ marginBottom: -12 }}
              >
                <Form.Item
                  name="townshipId"
                  label={t('users.roster.township')}
                  hidden={townships.length < 2}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Select options={townships.map((u) => ({ value: u.id, label: u.name }))} />
                </Form.Item>
                <Form.Item label={t('users.roster.templateLabel')} extra={t('users.roster.templateHelp')}>
                  <Flex gap={8} wrap>
                    <Button
                      icon={<DownloadOutlined />}
                      loading={downloading === 'template'}
                      disabled={!townshipId}
                      onClick={() => download('template')}
                      data-testid="roster-template"
                    >
                      {t('users.roster.template')}
                    </Button>
                    <Button
                      icon={<DownloadOutlined />}
                      loading={downloading === 'current'}
                      disabled={!townshipId}
                      onClick={() => download('current')}
                      data-testid="roster-export"
                    >
                      {t('users.roster.export')}
                    </Button>
                  </Flex>
                </Form.Item>
                <InitialPasswordField formName="roster" help={t('users.roster.passwordHelp')} />
                <Form.Item
                  name="file"
                  label={t('users.roster.file')}
                  valuePropName="fileList"
                  getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
                  rules={[{ required: true, type: 'array', min: 1, message: t('users.roster.notXlsx') }]}
                >
                  <Upload
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    maxCount={1}
                    beforeUpload={(file) => {
                      if (XLSX.test(file.name)) return false; // kept until 导入, not sent on its own
                      void message.error(t('users.roster.notXlsx'));
                      return Upload.LIST_IGNORE;
                    }}
                    data-testid="roster-file"
                  >
                    <Button icon={<UploadOutlined />}>{t('users.roster.pick')}</Button>
                  </Upload>
                </Form.Item>
              </Form>
            </>
          )}
          {refusal ? <RosterErrors refusal={refusal} /> : null}
        </Flex>
      </Spin>
    </Modal>
  );
}
