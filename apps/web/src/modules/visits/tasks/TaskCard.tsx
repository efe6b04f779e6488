import { EditOutlined, RightOutlined } from '@ant-design/icons';
import type { Household } from '@fupin/domain/schemas/households';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { Task } from '../api';
import type { OutboxState } from '../offline/db';
import { FlagIds, TypeTag } from './tags';

/** One household to visit: tap to open its form. */
export function TaskCard({
  task,
  household: h,
  draft,
  outbox,
  onOpen,
}: {
  task: Task;
  household: Household | undefined;
  draft: boolean;
  outbox: OutboxState | undefined;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const place = h ? [h.villageName, h.groupName].filter(Boolean).join(' ') : '';
  return (
    <Card
      hoverable
      size="small"
      onClick={onOpen}
      role="button"
      aria-label={t('visits.open', { name: h?.headName ?? '' })}
      data-testid="task-card"
      data-household={task.householdId}
      styles={{ body: { padding: 12 } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex align="center" gap={6} wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {h?.headName ?? t('visits.unknownHousehold')}
            </Typography.Text>
            <TypeTag type={task.type} />
            <Tag style={{ marginInlineEnd: 0 }}>{t(`visits.formTypes.${task.formType}`)}</Tag>
            {task.reason === 'survey' ? <Tag color="purple">{t('visits.survey')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} ellipsis>
            {[h?.householdNumber, place].filter(Boolean).join(' · ')}
          </Typography.Text>
          <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
            {h ? <FlagIds flags={h.flags} /> : null}
            {outbox === 'pending' || outbox === 'sending' ? <Tag color="blue">{t('visits.queued')}</Tag> : null}
            {outbox === 'failed' ? <Tag color="error">{t('visits.sync.states.failed')}</Tag> : null}
            {draft ? (
              <Tag icon={<EditOutlined />} color="cyan">
                {t('visits.draft')}
              </Tag>
            ) : null}
            {task.lastVisitAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('visits.lastVisit', { time: formatDateTime(task.lastVisitAt), count: task.visits })}
              </Typography.Text>
            ) : null}
          </Flex>
        </div>
        <RightOutlined style={{ color: '#bfbfbf' }} />
      </Flex>
    </Card>
  );
}
