import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from './api';
import { STATE_COLORS } from './charts';
import { type DrillFilters, drillHref, percent, REPORTED } from './drill';
import { Figure } from './Figure';

/** The headline: visit tasks (with how many are visited), overdue and due; problems open, overdue and closed; summaries in. */
export function Figures({ d, frame }: { d: Dashboard; frame: Pick<DrillFilters, 'unit' | 'campaign'> }) {
  const { t } = useTranslation();
  const v = d.visits.totals;
  const p = d.problems.totals;
  const s = d.summaries.visit;
  const visited = v.done + v.late;
  const items = [
    {
      key: 'tasks',
      title: t('dashboard.figures.tasks'),
      value: v.tasks,
      note: t('dashboard.figures.visited', { count: visited, pct: percent(visited, v.tasks) }),
      to: drillHref('visits', frame),
    },
    {
      key: 'missing',
      title: t('dashboard.figures.missing'),
      value: v.missing,
      to: drillHref('visits', { ...frame, state: 'missing' }),
      color: v.missing ? STATE_COLORS.missing : undefined,
    },
    { key: 'due', title: t('dashboard.figures.due'), value: v.due, to: drillHref('visits', { ...frame, state: 'due' }) },
    {
      key: 'open',
      title: t('dashboard.figures.problemsOpen'),
      value: p.open,
      to: drillHref('problems', { unit: frame.unit, state: 'open' }),
      color: STATE_COLORS.open,
    },
    {
      key: 'overdue',
      title: t('dashboard.figures.problemsOverdue'),
      value: p.overdue,
      to: drillHref('problems', { unit: frame.unit, state: 'overdue' }),
      color: p.overdue ? STATE_COLORS.overdue : undefined,
    },
    {
      key: 'closed',
      title: t('dashboard.figures.problemsClosed'),
      value: p.closed,
      to: drillHref('problems', { unit: frame.unit, state: 'closed' }),
      color: STATE_COLORS.closed,
    },
    {
      key: 'summaries',
      title: t('dashboard.figures.summaries'),
      value: s.submitted,
      note: t('dashboard.figures.summariesOf', { count: s.villages }),
      to: drillHref('summaries', { ...frame, kind: 'visit', state: REPORTED }),
    },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="dashboard-figures">
      {items.map(({ key, ...f }) => (
        <Col key={key} xs={12} sm={8} lg={6} xxl={3}>
          <Figure {...f} testId={`figure-${key}`} />
        </Col>
      ))}
    </Row>
  );
}
