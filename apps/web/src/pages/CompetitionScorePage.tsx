import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ScoreSheetForm } from '../modules/competition/score/ScoreSheetForm';
import { TaskList, taskKey } from '../modules/competition/score/TaskList';
import { useMyTasks } from '../modules/competition/work-api';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

/**
 * /competition/score 我的评分 (a judge, on a phone): the parts and villages assigned in the rounds
 * being scored; a subject's sheet opens in place (`?task=…&subject=…`, so the back button returns
 * to the list).
 */
export function CompetitionScorePage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const [params, setParams] = useSearchParams();
  const open = params.get('task');
  const subjectId = params.get('subject');
  const task = (tasks.data ?? []).find((x) => taskKey(x) === open);
  const subject = task?.subjects.find((s) => s.subjectId === subjectId);

  if (tasks.error) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (!tasks.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (task && subject)
    return (
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <ScoreSheetForm
          key={`${open}:${subjectId}`}
          task={task}
          subject={subject}
          onDone={() => setParams({}, { replace: false })}
        />
      </div>
    );
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="score-page">
      <PageHeader title={t('competition.score.title')} />
      <TaskList tasks={tasks.data} onOpen={(x, s) => setParams({ task: taskKey(x), subject: s })} />
    </div>
  );
}
