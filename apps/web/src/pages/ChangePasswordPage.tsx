import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLogout, useMe } from '../modules/auth/api';
import { ChangePasswordForm } from '../modules/auth/ChangePasswordForm';
import { safeNext } from '../modules/auth/next-path';
import { AuthCard } from '../ui/AuthCard';

function ChangePassword() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const logout = useLogout();
  const next = safeNext(params.get('next'));
  const forced = me.data?.user.mustChangePassword ?? false;

  const onDone = async () => {
    await me.refetch();
    await navigate(next, { replace: true });
  };
  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate('/login', { replace: true });
        client.clear();
      },
    });

  return (
    <AuthCard title={t('password.title')}>
      {forced ? <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} /> : null}
      <ChangePasswordForm username={me.data?.user.username ?? ''} onDone={() => void onDone()} />
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        {forced ? <span /> : <Button onClick={() => void navigate(next)}>{t('common.back')}</Button>}
        <Button type="link" onClick={onLogout} loading={logout.isPending}>
          {t('nav.logout')}
        </Button>
      </Flex>
    </AuthCard>
  );
}

/** /change-password 修改密码: forced after the first login of an account an administrator made. */
export function ChangePasswordPage() {
  return (
    <App>
      <ChangePassword />
    </App>
  );
}
