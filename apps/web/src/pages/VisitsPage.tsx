import { Alert, Empty, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useMyVisits } from '../modules/visits/context';
import { visitDb } from '../modules/visits/offline/db';
import { draftHouseholds } from '../modules/visits/offline/drafts';
import { onSyncReport, useOnline, useOutbox } from '../modules/visits/offline/sync';
import { groupTasks } from '../modules/visits/tasks/model';
import { PhaseBanner } from '../modules/visits/tasks/PhaseBanner';
import { SyncPanel } from '../modules/visits/tasks/SyncPanel';
import { TaskCard } from '../modules/visits/tasks/TaskCard';
import { StateTag } from '../modules/visits/tasks/tags';
import { FullPageSpin } from '../ui/FullPageSpin';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

/** /visits 我的走访: the person's households for the current campaign, by state, and the forms waiting to go. */
export function VisitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const { userId, campaign, tasks } = useMyVisits();
  const outbox = useOutbox(userId ?? undefined);
  const [drafts, setDrafts] = useState<Set<string>>(new Set());
  const [stale, setStale] = useState<string[]>([]);

  useEffect(() => {
    if (userId) void draftHouseholds(visitDb(), userId).then(setDrafts, () => undefined);
  }, [userId]);
  // Tell the cadre plainly when the registry had changed under a form that just went.
  useEffect(
    () =>
      onSyncReport((report) => {
        const names = report.sent.filter((e) => e.answer?.stale).map((e) => e.headName);
        if (names.length) setStale((s) => [...new Set([...s, ...names])]);
      }),
    [],
  );

  const households = useMemo(() => new Map((tasks.data?.households ?? []).map((h) => [h.id, h])), [tasks.data]);
  const outboxState = useMemo(() => {
    const map = new Map<string, NonNullable<typeof outbox>[number]['state']>();
    for (const e of outbox ?? []) if (e.state !== 'sent') map.set(e.householdId, e.state);
    return map;
  }, [outbox]);

  const header = <PageHeader title={t('visits.title')} />;
  const panel = userId ? <SyncPanel userId={userId} online={online} entries={outbox ?? []} /> : null;
  if (campaign.error) {
    const none = campaign.error instanceof ApiError && campaign.error.status === 404;
    return (
      <>
        {header}
        {panel}
        {none ? (
          <Empty description={t('visits.noCampaign')} />
        ) : (
          <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </>
    );
  }
  if (tasks.error)
    return (
      <>
        {header}
        {panel}
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      </>
    );
  if (!tasks.data) return <FullPageSpin fullHeight={false} />;
  const groups = groupTasks(tasks.data.tasks);

  return (
    <div style={{ maxWidth: 760 }} data-testid="visits-page">
      {header}
      {panel}
      {tasks.data.savedAt ? (
        <Alert
          type="info"
          showIcon
          title={t('visits.offlineCopy', { time: formatDateTime(tasks.data.savedAt) })}
          style={{ marginBottom: 12 }}
          data-testid="offline-copy"
        />
      ) : null}
      {stale.length ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setStale([])}
          title={t('visits.sync.staleTitle', { names: stale.join(t('common.listSep')) })}
          description={t('visits.sync.stale')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <PhaseBanner campaign={tasks.data.campaign} />
      {groups.length === 0 ? <Empty description={t('visits.noTasks')} /> : null}
      {groups.map((g) => (
        <section key={g.state} data-testid={`group-${g.state}`} style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8} style={{ margin: '4px 0 8px' }}>
            <StateTag state={g.state} />
            <Typography.Text type="secondary">{t('visits.count', { count: g.tasks.length })}</Typography.Text>
          </Flex>
          <Flex vertical gap={8}>
            {g.tasks.map((task) => (
              <TaskCard
                key={task.householdId}
                task={task}
                household={households.get(task.householdId)}
                draft={drafts.has(task.householdId)}
                outbox={outboxState.get(task.householdId)}
                onOpen={() => void navigate(`/visits/${task.householdId}/new`)}
              />
            ))}
          </Flex>
        </section>
      ))}
    </div>
  );
}
