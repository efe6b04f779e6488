import type { Household } from '@fupin/domain/schemas/households';
import { Card } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../modules/auth/api';
import { useUnits } from '../modules/org/api';
import { useCadres, useHouseholdList } from '../modules/registry/api';
import { useTagOptions, useTownship } from '../modules/registry/context';
import { type RegistryFilters as Filters, readListState, serverFilters, writeListState } from '../modules/registry/filters';
import { DuplicatesModal } from '../modules/registry/list/DuplicatesModal';
import { HouseholdTable } from '../modules/registry/list/HouseholdTable';
import { RegistryFilters } from '../modules/registry/list/RegistryFilters';
import { RegistryToolbar } from '../modules/registry/list/RegistryToolbar';
import { useFlagUnit } from '../modules/rules/context';
import { useFlagRules } from '../modules/rules/flags';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

// The form is big and only managers open it: its own chunk, loaded on 新增农户.
const HouseholdFormDrawer = lazy(() =>
  import('../modules/registry/form/HouseholdFormDrawer').then((m) => ({ default: m.HouseholdFormDrawer })),
);

/** /registry 农户台账: filters, search and page live in the address. */
export function RegistryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [duplicates, setDuplicates] = useState(false);
  const canManage = hasPermission(me.data, 'household.manage');
  // The duplicate report compares townships: it is the township (or county) office's.
  const officeLevel = (me.data?.user.roles ?? []).some((r) => r.unitKind === 'township' || r.unitKind === 'county');
  const canReadIds = hasPermission(me.data, 'household.read_id') && officeLevel;

  const { filters, page, pageSize } = readListState(params);
  // The household page links back to this very list: same filters, same page.
  const from = params.size > 0 ? `?${params.toString()}` : '';
  const query = serverFilters(filters);
  const list = useHouseholdList({ ...query, limit: pageSize, offset: (page - 1) * pageSize });
  const townshipId = useTownship(filters.place?.id);
  const tags = useTagOptions(townshipId);
  const cadres = useCadres(townshipId, canManage);
  // The active rules name the flags (one request, kept for minutes).
  const flagRules = useFlagRules(useFlagUnit(filters.place?.id));

  const setFilters = useCallback(
    (next: Filters) => setParams(writeListState({ filters: next, page: 1, pageSize }), { replace: true }),
    [setParams, pageSize],
  );

  // A new household starts in the village (and group) the list is showing.
  const createPlace = useMemo(() => {
    const unit = filters.place ? units.data?.find((u) => u.id === filters.place?.id) : undefined;
    if (unit?.kind === 'village') return { villageId: unit.id };
    if (unit?.kind === 'group' && unit.villageId) return { villageId: unit.villageId, groupId: unit.id };
    const villages = (units.data ?? []).filter((u) => u.kind === 'village');
    return villages.length === 1 && villages[0] ? { villageId: villages[0].id } : {};
  }, [filters.place, units.data]);

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        extra={
          <RegistryToolbar
            query={query}
            canManage={canManage}
            canReadIds={canReadIds}
            onCreate={() => setCreating(true)}
            onDuplicates={() => setDuplicates(true)}
            mobile={mobile}
          />
        }
      />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <RegistryFilters
          value={filters}
          onChange={setFilters}
          tags={tags}
          cadres={canManage && cadres.data ? cadres.data : null}
          flagRules={flagRules.rules}
          mobile={mobile}
        />
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <HouseholdTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={list.isFetching}
            onPage={(p, size) =>
              setParams(writeListState({ filters, page: size === pageSize ? p : 1, pageSize: size }), { replace: true })
            }
            onOpen={(h) => void navigate(`/registry/${h.id}`, { state: { from } })}
            from={from}
            tags={tags}
            flagRules={flagRules}
            compact={mobile}
          />
        )}
      </Card>
      {creating ? (
        <Suspense fallback={null}>
          <HouseholdFormDrawer
            mode={{ kind: 'create', place: createPlace }}
            onClose={() => setCreating(false)}
            onSaved={(h: Household) => void navigate(`/registry/${h.id}`)}
          />
        </Suspense>
      ) : null}
      <DuplicatesModal open={duplicates} onClose={() => setDuplicates(false)} />
    </>
  );
}
