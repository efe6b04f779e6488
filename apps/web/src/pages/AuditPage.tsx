import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuditFilters } from '../modules/audit/AuditFilters';
import { AuditTable } from '../modules/audit/AuditTable';
import { type AuditFilterValues, useAuditLog } from '../modules/audit/api';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const PAGE_SIZES = [20, 50, 100];
const FILTER_KEYS = ['from', 'to', 'actor', 'entityType', 'action', 'unitId'] as const;

/** /audit 操作日志: filters and page live in the address. */
export function AuditPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const log = useAuditLog({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });

  const setQuery = (next: AuditFilterValues, nextPage = 1, nextSize = pageSize) => {
    const out = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = next[k];
      if (v) out.set(k, v);
    }
    if (nextPage > 1) out.set('page', String(nextPage));
    if (nextSize !== 20) out.set('size', String(nextSize));
    setParams(out, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <AuditFilters value={filters} onChange={(v) => setQuery(v)} mobile={mobile} />
        {log.error ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <AuditTable
            items={log.data?.items ?? []}
            total={log.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={log.isFetching}
            onPage={(p, size) => setQuery(filters, size === pageSize ? p : 1, size)}
            compact={mobile}
          />
        )}
      </Card>
    </>
  );
}
