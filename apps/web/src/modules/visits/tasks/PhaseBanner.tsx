import { CalendarOutlined } from '@ant-design/icons';
import { phaseOf, shanghaiDate } from '@fupin/domain';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../api';
import { useVisitLabels } from '../labels';
import { countdown } from './model';

/** The visit phase of the campaign: its dates and how long is left (Beijing days). */
export function PhaseBanner({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const phase = campaign.phases.find((p) => p.code === 'visit') ? phaseOf(campaign.phases, 'visit') : null;
  if (!phase) return null;
  const c = countdown(phase, shanghaiDate(new Date()));
  const text =
    c.kind === 'starts'
      ? t('visits.phase.startsIn', { count: c.days })
      : c.kind === 'left'
        ? t('visits.phase.left', { count: c.days })
        : c.kind === 'lastDay'
          ? t('visits.phase.lastDay')
          : t('visits.phase.passed', { count: c.days });
  const color = c.kind === 'passed' ? 'error' : c.kind === 'lastDay' ? 'warning' : c.kind === 'left' ? 'processing' : 'default';
  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }} data-testid="phase-banner">
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {campaign.name}
      </Typography.Text>
      <Flex justify="space-between" align="center" wrap gap={6}>
        <span>
          <CalendarOutlined /> {labels.phase('visit')}：{phase.start} — {phase.end}
        </span>
        <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid="countdown">
          {text}
        </Tag>
      </Flex>
    </Card>
  );
}
