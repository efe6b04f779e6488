import { DownloadOutlined, FileProtectOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useReportError } from '../api/use-report-error';
import { hasPermission } from '../modules/auth/api';
import { useProblemList } from '../modules/problems/api';
import { useWorkPlace } from '../modules/problems/context';
import { type ProblemFilters as Filters, problemQuery, readProblemState, writeProblemState } from '../modules/problems/filters';
import { ProblemFilters } from '../modules/problems/list/ProblemFilters';
import { ProblemTable } from '../modules/problems/list/ProblemTable';
import { downloadFile } from '../modules/registry/files';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const RecordProblemModal = lazy(() =>
  import('../modules/problems/list/RecordProblemModal').then((m) => ({ default: m.RecordProblemModal })),
);
const IssueOrderModal = lazy(() => import('../modules/orders/IssueOrderModal').then((m) => ({ default: m.IssueOrderModal })));

/** /problems 问题台账 (附件6): filters in the address, 导出, 登记问题, and chosen rows onto a 督办单. */
export function ProblemsPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useReportError();
  const place = useWorkPlace();
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const canManage = hasPermission(place.me, 'problem.manage');
  const canOrder = hasPermission(place.me, 'order.manage');

  const { filters, page, pageSize } = readProblemState(params);
  const query = problemQuery(filters);
  const list = useProblemList({ ...query, limit: pageSize, offset: (page - 1) * pageSize });
  const setFilters = useCallback(
    (next: Filters) => setParams(writeProblemState({ filters: next, page: 1, pageSize }), { replace: true }),
    [setParams, pageSize],
  );

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/problems/ledger.xlsx', query, 'ledger.xlsx');
      void message.success(t('problems.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('problems.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} data-testid="export-ledger">
              {t('problems.export')}
            </Button>
            {canManage && place.townshipId ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-problem-open">
                {t('problems.record')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <ProblemFilters value={filters} onChange={setFilters} villages={place.villages} mobile={mobile} />
        {filters.orderId ? <Alert type="info" showIcon title={t('problems.onOrder')} style={{ marginBottom: 12 }} /> : null}
        {canOrder && chosen.length > 0 ? (
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="selection-bar">
            <span>{t('problems.selected', { count: chosen.length })}</span>
            <Button
              type="primary"
              icon={<FileProtectOutlined />}
              onClick={() => setOrdering(true)}
              data-testid="issue-order-open"
            >
              {t('problems.issueOrder')}
            </Button>
            <Button type="link" onClick={() => setChosen([])}>
              {t('problems.clearSelection')}
            </Button>
          </Flex>
        ) : null}
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ProblemTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={list.isFetching}
            onPage={(p, size) =>
              setParams(writeProblemState({ filters, page: size === pageSize ? p : 1, pageSize: size }), { replace: true })
            }
            onOpen={(p) => void navigate(`/problems/${p.id}`)}
            selection={canOrder ? { ids: chosen, onChange: setChosen } : null}
            compact={mobile}
          />
        )}
      </Card>
      <Suspense fallback={null}>
        {recording && place.townshipId ? (
          <RecordProblemModal
            townshipId={place.townshipId}
            townshipName={place.township?.name ?? ''}
            villages={place.villages}
            campaignId={place.campaign.data?.id ?? null}
            onClose={() => setRecording(false)}
            onSaved={(d) => void navigate(`/problems/${d.problem.id}`)}
          />
        ) : null}
        {ordering && place.townshipId ? (
          <IssueOrderModal
            townshipId={place.townshipId}
            problemIds={chosen}
            onClose={() => setOrdering(false)}
            onIssued={(o) => void navigate(`/orders/${o.id}`)}
          />
        ) : null}
      </Suspense>
    </>
  );
}
