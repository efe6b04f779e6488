import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { useChangePassword } from './api';
import { PasswordRules } from './PasswordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current, new and confirmed password, with the rules shown while typing. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const change = useChangePassword();
  const report = useReportError();
  const { message } = App.useApp();

  const onFinish = ({ currentPassword, newPassword: next }: Values) =>
    change.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: () => {
          void message.success(t('password.done'));
          onDone();
        },
        onError: (err) => report(err, form),
      },
    );

  return (
    <Form
      name="change-password"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      initialValues={{ currentPassword: '', newPassword: '', confirm: '' }}
    >
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRules password={newPassword} username={username} />
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
