import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface NoteModalProps {
  title: string;
  label: string;
  help?: string;
  /** a reason the server insists on (send back, reopen, escalate), or the measures of a fix */
  required: boolean;
  initial?: string;
  loading: boolean;
  okText: string;
  danger?: boolean;
  onOk: (text: string) => void;
  onClose: () => void;
  testId: string;
  requiredMessage?: string;
  maxLength?: number;
}

/** A dialog asking one text: a reason, a note or the measures taken. */
export function NoteModal(props: NoteModalProps) {
  const { title, label, help, required, initial, loading, okText, danger, onOk, onClose, testId } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      confirmLoading={loading}
      destroyOnHidden
      data-testid={testId}
    >
      {help ? <Typography.Paragraph type="secondary">{help}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" initialValues={{ text: initial ?? '' }} onFinish={(v) => onOk(v.text.trim())}>
        <Form.Item
          name="text"
          label={label}
          rules={
            required
              ? [{ required: true, whitespace: true, min: 2, message: props.requiredMessage ?? t('problems.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={props.maxLength ?? 300} showCount autoFocus data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
