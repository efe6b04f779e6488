import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLogin } from './api';
import { safeNext, withNext } from './next-path';

interface LoginValues {
  username: string;
  password: string;
}

/** Username and password; shows the server's refusal (wrong password, locked for N minutes) as it says it. */
export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const login = useLogin();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: LoginValues) => {
    setError(null);
    login.mutate(values, {
      onSuccess: async ({ mustChangePassword }) => {
        // Nothing cached from a previous person may show to this one.
        client.removeQueries();
        const next = safeNext(params.get('next'));
        await navigate(mustChangePassword ? withNext('/change-password', next) : next, { replace: true });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length) {
          form.setFields(err.fields.map((f) => ({ name: f.path as keyof LoginValues, errors: [f.message] })));
        }
        setError(err instanceof ApiError ? err.message : t('common.unexpected'));
      },
    });
  };

  return (
    <Form
      name="login"
      form={form}
      layout="vertical"
      size="large"
      onFinish={onFinish}
      requiredMark={false}
      initialValues={{ username: '', password: '' }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
      <p style={{ margin: '16px 0 0', textAlign: 'center', color: 'rgba(0, 0, 0, 0.45)' }}>{t('login.footer')}</p>
    </Form>
  );
}
