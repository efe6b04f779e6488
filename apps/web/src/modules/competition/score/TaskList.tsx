import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCompetitionLabels } from '../labels';
import type { Task, TaskSubject } from '../work-api';

export const taskKey = (t: Pick<Task, 'roundId' | 'villageId' | 'part'>) => `${t.roundId}:${t.villageId}:${t.part}`;

function SubjectRow({ s, onOpen }: { s: TaskSubject; onOpen: () => void }) {
  const { t } = useTranslation();
  const other = s.sheet !== null && !s.sheet.mine;
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0', minHeight: 56 }}
      data-testid="subject"
      data-subject={s.name}
      data-scored={String(s.sheet !== null)}
    >
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {s.sheet ? <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} /> : null}
          {s.name}
        </Typography.Text>
        {s.detail ? (
          <Typography.Text type="secondary" ellipsis>
            {s.detail}
          </Typography.Text>
        ) : null}
        {other ? (
          <Typography.Text type="secondary">{t('competition.score.byOther', { name: s.sheet?.judgeName })}</Typography.Text>
        ) : null}
      </Flex>
      {s.sheet ? (
        <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }} data-testid="subject-total">
          {t('competition.score.points', { total: s.sheet.total.toFixed(2) })}
        </Typography.Text>
      ) : null}
      {other ? null : (
        <Button
          type={s.sheet ? 'default' : 'primary'}
          size="large"
          icon={s.sheet ? <EditOutlined /> : null}
          onClick={onOpen}
          style={{ minWidth: 88 }}
          data-testid="subject-open"
        >
          {s.sheet ? t('competition.score.edit') : t('competition.score.scoreIt')}
        </Button>
      )}
    </Flex>
  );
}

/** The judge's tasks: each assigned part of each village with its subjects, what is scored and its total. */
export function TaskList({ tasks, onOpen }: { tasks: Task[]; onOpen: (task: Task, subjectId: string) => void }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  if (tasks.length === 0) return <Empty description={t('competition.score.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="tasks">
      {tasks.map((task) => {
        const done = task.subjects.filter((s) => s.sheet).length;
        return (
          <Card
            key={taskKey(task)}
            size="small"
            title={
              <Flex vertical style={{ padding: '4px 0' }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {task.villageName} · {labels.part(task.part)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {labels.month(task.month)} · {labels.form(task.part)} · {t('competition.score.itemMax', { max: task.max })}
                </Typography.Text>
              </Flex>
            }
            extra={
              <Tag color={done === task.subjects.length && done > 0 ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {t('competition.score.done', { done, all: task.subjects.length })}
              </Tag>
            }
            data-testid="task"
            data-village={task.villageName}
            data-part={task.part}
          >
            {!task.ready ? <Alert type="info" showIcon title={t('competition.score.notReady')} /> : null}
            {task.subjects.map((s) => (
              <SubjectRow key={s.subjectId} s={s} onOpen={() => onOpen(task, s.subjectId)} />
            ))}
          </Card>
        );
      })}
    </Flex>
  );
}
