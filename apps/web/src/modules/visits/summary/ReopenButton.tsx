import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { useSummaryAction } from '../api';

/** 退回: the township office sends a submitted summary back, with a reason the village will read. */
export function ReopenButton({
  campaignId,
  villageId,
  villageName,
}: {
  campaignId: string;
  villageId: string;
  villageName: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const action = useSummaryAction();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = ({ reason }: { reason: string }) =>
    action.mutate(
      { action: 'reopen', campaignId, villageId, reason },
      {
        onSuccess: () => {
          void message.success(t('visits.overview.reopened'));
          setOpen(false);
          form.resetFields();
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="reopen">
        {t('visits.overview.reopen')}
      </Button>
      <Modal
        open={open}
        title={t('visits.overview.reopenTitle', { village: villageName })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('visits.overview.reopen')}
        okButtonProps={{ danger: true, loading: action.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('visits.overview.reason')}
            rules={[{ required: true, whitespace: true, message: t('visits.overview.reasonRequired') }]}
          >
            <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
