import type { User } from '@fupin/domain/schemas/users';
import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { RoleTags } from '../auth/RoleTags';
import { StatusTags } from './StatusTags';

interface Props {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (user: User) => void;
  canManage: boolean;
  /** one stacked column per account instead of eight: a phone cannot show them side by side */
  compact: boolean;
}

/** One page of accounts; paging happens on the server (limit, offset, total). */
export function UsersTable({ items, total, page, pageSize, loading, onPage, onOpen, canManage, compact }: Props) {
  const { t } = useTranslation();
  const open = (u: User) => <Button onClick={() => onOpen(u)}>{canManage ? t('common.edit') : t('common.view')}</Button>;
  const stacked: TableColumnsType<User> = [
    {
      title: t('users.displayName'),
      key: 'user',
      render: (_, u) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <Typography.Text type="secondary">
            <span>{u.username}</span> · <span>{u.homeUnitName}</span>
            {u.workUnitName ? <span> · {u.workUnitName}</span> : null}
            {u.phone ? <span> · {u.phone}</span> : null}
          </Typography.Text>
          <RoleTags roles={u.roles} />
          <StatusTags user={u} />
        </Flex>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 72, render: (_, u) => open(u) },
  ];
  const columns: TableColumnsType<User> = [
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      fixed: 'left',
      render: (name: string, u) => (
        <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(u)}>
          {name}
        </Button>
      ),
    },
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? t('common.none') },
    { title: t('users.homeUnit'), dataIndex: 'homeUnitName' },
    {
      title: t('users.workUnit'),
      dataIndex: 'workUnitName',
      render: (name: string | null) => name ?? t('common.none'),
    },
    { title: t('users.roles'), key: 'roles', render: (_, u) => <RoleTags roles={u.roles} />, width: 280 },
    { title: t('users.status'), key: 'status', render: (_, u) => <StatusTags user={u} /> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) =>
        at ? formatDateTime(at) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => open(u),
    },
  ];
  return (
    <div data-testid="users-table">
      <Table<User>
        rowKey="id"
        size="middle"
        columns={compact ? stacked : columns}
        dataSource={items}
        loading={loading}
        scroll={compact ? undefined : { x: 'max-content' }}
        tableLayout={compact ? 'fixed' : undefined}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
