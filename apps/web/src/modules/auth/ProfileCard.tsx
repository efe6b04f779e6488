import type { User } from '@fupin/domain/schemas/users';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { RoleTags } from './RoleTags';

/** One's own profile, read-only: changes go through the township office. */
export function ProfileCard({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('account.profile')}
      extra={
        <Link to="/change-password?next=%2Faccount">
          <Button>{t('account.changePassword')}</Button>
        </Link>
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('users.displayName'), children: user.displayName },
          { key: 'username', label: t('users.username'), children: user.username },
          { key: 'phone', label: t('users.phone'), children: user.phone ?? t('common.none') },
          { key: 'unit', label: t('users.homeUnit'), children: user.homeUnitName },
          { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} />, span: 'filled' },
          { key: 'last', label: t('users.lastLogin'), children: formatDateTime(user.lastLoginAt) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('account.profileHint')}
      </Typography.Paragraph>
    </Card>
  );
}
