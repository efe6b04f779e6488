import type { User } from '@fupin/domain/schemas/users';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 停用 / 锁定 / 需改密, or 正常 when none applies. */
export function StatusTags({ user }: { user: Pick<User, 'disabled' | 'locked' | 'mustChangePassword'> }) {
  const { t } = useTranslation();
  const tags = [
    user.disabled ? { color: 'default', text: t('users.statusDisabled') } : null,
    user.locked ? { color: 'orange', text: t('users.statusLocked') } : null,
    user.mustChangePassword ? { color: 'gold', text: t('users.statusMustChange') } : null,
  ].filter((x) => x !== null);
  if (tags.length === 0) return <Tag color="green">{t('users.statusActive')}</Tag>;
  return (
    <Flex wrap gap={4}>
      {tags.map((tag) => (
        <Tag key={tag.text} color={tag.color} style={{ marginInlineEnd: 0 }}>
          {tag.text}
        </Tag>
      ))}
    </Flex>
  );
}
