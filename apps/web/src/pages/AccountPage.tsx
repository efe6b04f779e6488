import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../modules/auth/api';
import { ProfileCard } from '../modules/auth/ProfileCard';
import { SessionsCard } from '../modules/auth/SessionsCard';
import { PageHeader } from '../ui/PageHeader';

/** /account 账号与安全: own profile, password, live sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Flex vertical gap={16}>
        <ProfileCard user={me.data.user} />
        <SessionsCard />
      </Flex>
    </>
  );
}
