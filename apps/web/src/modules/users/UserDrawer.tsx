import type { RoleAssignment, User } from '@fupin/domain/schemas/users';
import { Descriptions, Drawer, Flex, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { useIsMobile } from '../../ui/use-is-mobile';
import { RoleTags } from '../auth/RoleTags';
import { useUnitPermission } from '../org/access';
import { useUnits } from '../org/api';
import { AddRoleForm } from './AddRoleForm';
import { useUser } from './api';
import { CreateUserForm } from './CreateUserForm';
import { EditUserForm } from './EditUserForm';
import { RolesPanel } from './RolesPanel';
import { SecurityActions } from './SecurityActions';
import { StatusTags } from './StatusTags';

export type UserDrawerTarget = { mode: 'create' } | { mode: 'edit'; id: string; tab?: string };

function ReadOnlyProfile({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'name', label: t('users.displayName'), children: user.displayName },
        { key: 'username', label: t('users.username'), children: user.username },
        { key: 'phone', label: t('users.phone'), children: user.phone ?? t('common.none') },
        { key: 'unit', label: t('users.homeUnit'), children: user.homeUnitName },
        { key: 'workUnit', label: t('users.workUnit'), children: user.workUnitName ?? t('users.workUnitNone') },
        { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} /> },
        { key: 'status', label: t('users.status'), children: <StatusTags user={user} /> },
        { key: 'last', label: t('users.lastLogin'), children: formatDateTime(user.lastLoginAt) },
      ]}
    />
  );
}

function EditUser({ id, tab }: { id: string; tab?: string | undefined }) {
  const { t } = useTranslation();
  const user = useUser(id);
  const units = useUnits();
  const may = useUnitPermission();
  if (user.error) return <QueryError error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) return <Spin />;
  const u = user.data;
  const home = units.data?.find((x) => x.id === u.homeUnitId);
  const canManage = home ? may('user.manage', home) : false;
  const canRemove = (r: RoleAssignment) => {
    const unit = units.data?.find((x) => x.id === r.unitId);
    return unit ? may('user.manage', unit) : false;
  };
  if (!canManage) return <ReadOnlyProfile user={u} />;
  return (
    <Tabs
      defaultActiveKey={tab ?? 'profile'}
      items={[
        { key: 'profile', label: t('users.tabProfile'), children: <EditUserForm user={u} /> },
        {
          key: 'roles',
          label: t('users.tabRoles'),
          children: (
            <Flex vertical gap={16}>
              <RolesPanel user={u} canRemove={canRemove} />
              <AddRoleForm user={u} />
            </Flex>
          ),
        },
        { key: 'security', label: t('users.tabSecurity'), children: <SecurityActions user={u} /> },
      ]}
    />
  );
}

/** Create an account, or see and change one: profile, roles, security. */
export function UserDrawer({
  target,
  title,
  onClose,
  onCreated,
}: {
  target: UserDrawerTarget;
  title: string;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const mobile = useIsMobile();
  return (
    <Drawer open title={title} onClose={onClose} size={mobile ? '100%' : 560} destroyOnHidden data-testid="user-drawer">
      {target.mode === 'create' ? (
        <CreateUserForm onCreated={onCreated} />
      ) : (
        <EditUser key={target.id} id={target.id} tab={target.tab} />
      )}
    </Drawer>
  );
}
