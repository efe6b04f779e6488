import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Role } from '@fupin/domain';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../modules/auth/api';
import { useUserList } from '../modules/users/api';
import { RosterImportModal, useRosterTownships } from '../modules/users/RosterImportModal';
import { UserDrawer, type UserDrawerTarget } from '../modules/users/UserDrawer';
import { UserFilters, type UserFilterValues } from '../modules/users/UserFilters';
import { UsersTable } from '../modules/users/UsersTable';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const PAGE_SIZES = [20, 50, 100];

/** /admin/users 用户管理: filters and page live in the address, so back and reload keep them. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState<{ target: UserDrawerTarget; title: string } | null>(null);
  const canManage = hasPermission(me.data, 'user.manage');
  // A roster belongs to a township: offered to whoever manages users on at least one.
  const rosterTownships = useRosterTownships();
  const [rosterOpen, setRosterOpen] = useState(false);

  const filters: UserFilterValues = {
    q: params.get('q') ?? '',
    unitId: params.get('unit') ?? undefined,
    role: (params.get('role') as Role | null) ?? undefined,
  };
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useUserList({ ...filters, q: filters.q || undefined, limit: pageSize, offset: (page - 1) * pageSize });

  const setQuery = (next: UserFilterValues, nextPage = 1, nextSize = pageSize) => {
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.unitId) out.set('unit', next.unitId);
    if (next.role) out.set('role', next.role);
    if (nextPage > 1) out.set('page', String(nextPage));
    if (nextSize !== 20) out.set('size', String(nextSize));
    setParams(out, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canManage ? (
            <>
              {rosterTownships.length > 0 ? (
                <Button icon={<UploadOutlined />} onClick={() => setRosterOpen(true)} data-testid="roster-open">
                  {t('users.roster.open')}
                </Button>
              ) : null}
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer({ target: { mode: 'create' }, title: t('users.createTitle') })}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <UserFilters value={filters} onChange={(v) => setQuery(v)} mobile={mobile} />
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <UsersTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={list.isFetching}
            onPage={(p, size) => setQuery(filters, size === pageSize ? p : 1, size)}
            onOpen={(u) =>
              setDrawer({ target: { mode: 'edit', id: u.id }, title: t('users.editTitle', { name: u.displayName }) })
            }
            canManage={canManage}
            compact={mobile}
          />
        )}
      </Card>
      {drawer ? (
        <UserDrawer
          target={drawer.target}
          title={drawer.title}
          onClose={() => setDrawer(null)}
          onCreated={(u) =>
            setDrawer({ target: { mode: 'edit', id: u.id, tab: 'roles' }, title: t('users.editTitle', { name: u.displayName }) })
          }
        />
      ) : null}
      {rosterOpen ? <RosterImportModal townships={rosterTownships} onClose={() => setRosterOpen(false)} /> : null}
    </>
  );
}
