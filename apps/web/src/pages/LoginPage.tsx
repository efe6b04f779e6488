import { useTranslation } from 'react-i18next';
import { LoginForm } from '../modules/auth/LoginForm';
import { AuthCard } from '../ui/AuthCard';

/** /login 登录 */
export function LoginPage() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('login.title')}>
      <LoginForm />
    </AuthCard>
  );
}
