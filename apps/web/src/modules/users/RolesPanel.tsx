import type { RoleAssignment, User } from '@fupin/domain/schemas/users';
import { App, Button, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { useDomainLabels } from '../../i18n';
import { useRemoveRole } from './api';

/** The account's role assignments, each removable by whoever manages its unit. */
export function RolesPanel({ user, canRemove }: { user: User; canRemove: (r: RoleAssignment) => boolean }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const remove = useRemoveRole();
  const report = useReportError();
  const { message } = App.useApp();
  const columns: TableColumnsType<RoleAssignment> = [
    { title: t('roles.role'), dataIndex: 'role', render: (r: string) => labels.role(r) },
    { title: t('roles.unit'), dataIndex: 'unitName' },
    {
      title: `${t('roles.sector')} / ${t('roles.title')}`,
      key: 'extra',
      render: (_, r) =>
        [r.sector ? labels.sector(r.sector) : null, r.title].filter(Boolean).join(t('common.listSep')) || t('common.none'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        canRemove(r) ? (
          <Popconfirm
            title={t('roles.removeConfirm')}
            okText={t('roles.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutate(
                { userId: user.id, assignmentId: r.id },
                { onSuccess: () => void message.success(t('roles.removed')), onError: (err) => report(err) },
              )
            }
          >
            <Button danger loading={remove.isPending && remove.variables?.assignmentId === r.id}>
              {t('roles.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  if (user.roles.length === 0) return <Typography.Paragraph type="secondary">{t('roles.none')}</Typography.Paragraph>;
  return (
    <Table rowKey="id" size="small" columns={columns} dataSource={user.roles} pagination={false} scroll={{ x: 'max-content' }} />
  );
}
