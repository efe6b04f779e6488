import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './password';

/**
 * 初始密码 with a 生成 button, as the create, reset and roster forms ask for it; `formName` is the
 * form's name, so the label points at the input.
 */
export function InitialPasswordField({ formName, help }: { formName: string; help: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t('users.initialPassword')} extra={help} required htmlFor={`${formName}_password`}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="password" noStyle rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button onClick={() => form.setFieldValue('password', generatePassword())}>{t('common.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
