import { Button, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMyVisits } from '../modules/visits/context';
import { VisitFormView } from '../modules/visits/form/VisitFormView';
import { type DraftEntry, visitDb } from '../modules/visits/offline/db';
import { loadDraft } from '../modules/visits/offline/drafts';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';

/** /visits/:householdId/new 走访表: opens from the tasks payload (the phone's copy offline), with any draft. */
export function VisitFormPage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const { userId, campaign, tasks } = useMyVisits();
  const [draft, setDraft] = useState<{ entry: DraftEntry | undefined } | null>(null);

  useEffect(() => {
    if (!userId) return;
    loadDraft(visitDb(), userId, householdId).then(
      (entry) => setDraft({ entry }),
      () => setDraft({ entry: undefined }),
    );
  }, [userId, householdId]);

  const error = campaign.error ?? tasks.error;
  if (error) return <QueryError error={error} onRetry={() => void (campaign.error ? campaign.refetch() : tasks.refetch())} />;
  if (!tasks.data || !draft || !userId) return <FullPageSpin fullHeight={false} />;
  const task = tasks.data.tasks.find((x) => x.householdId === householdId);
  const household = tasks.data.households.find((h) => h.id === householdId);
  if (!task || !household)
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('visits.form.notInTasks')}
        extra={
          <Link to="/visits">
            <Button type="primary">{t('visits.form.backToList')}</Button>
          </Link>
        }
      />
    );
  return (
    <VisitFormView
      key={householdId}
      household={household}
      task={task}
      campaign={tasks.data.campaign}
      ruleSet={tasks.data.ruleSet}
      userId={userId}
      draft={draft.entry}
    />
  );
}
