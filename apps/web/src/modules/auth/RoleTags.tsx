import type { RoleAssignment } from '@fupin/domain/schemas/users';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDomainLabels } from '../../i18n';

/** The text of one role assignment: 镇扶贫办 · 清溪镇 (义务教育, 第一书记). */
export function useRoleText() {
  const labels = useDomainLabels();
  const { t } = useTranslation();
  return (r: RoleAssignment) => {
    const extra = [r.sector ? labels.sector(r.sector) : null, r.title].filter(Boolean).join(t('common.listSep'));
    const values = { role: labels.role(r.role), unit: r.unitName, extra };
    return extra ? t('roles.tagWithExtra', values) : t('roles.tag', values);
  };
}

/** Roles as tags with their unit names. */
export function RoleTags({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  const text = useRoleText();
  if (roles.length === 0) return <Typography.Text type="secondary">{t('roles.none')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {roles.map((r) => (
        <Tag key={r.id} color="red" variant="outlined" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {text(r)}
        </Tag>
      ))}
    </Flex>
  );
}
