import { LAPSE_KINDS } from '@fupin/domain';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Figure } from '../dashboard/Figure';
import type { Accountability } from './api';
import { type LapseFilters, lapsesHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/** The headline: lapses in all, not done, done late, the worst delay, and each of visit / inspect / rectify / advance. */
export function AccountabilityFigures({ a, frame }: { a: Accountability; frame: Pick<LapseFilters, 'unit' | 'campaign'> }) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  const x = a.totals;
  const items = [
    { key: 'lapses', title: t('accountability.figures.lapses'), value: x.lapses, to: lapsesHref(frame), color: '#a8071a' },
    {
      key: 'missing',
      title: labels.state('missing'),
      value: x.missing,
      to: lapsesHref({ ...frame, state: 'missing' }),
      color: x.missing ? '#cf1322' : undefined,
    },
    { key: 'late', title: labels.state('late'), value: x.late, to: lapsesHref({ ...frame, state: 'late' }), color: '#d48806' },
    ...LAPSE_KINDS.map((k) => ({
      key: k,
      title: t('accountability.figures.kind', { kind: labels.kind(k) }),
      value: x.byKind[k],
      to: lapsesHref({ ...frame, kind: k }),
      color: x.byKind[k] ? KIND_COLORS[k] : undefined,
    })),
  ];
  return (
    <Row gutter={[12, 12]} data-testid="accountability-figures">
      {items.map(({ key, ...f }) => (
        <Col key={key} xs={12} sm={8} lg={6} xxl={3}>
          <Figure {...f} testId={`acc-figure-${key}`} />
        </Col>
      ))}
      <Col xs={12} sm={8} lg={6} xxl={3}>
        <Figure
          title={t('accountability.figures.maxDaysLate')}
          value={x.maxDaysLate}
          to={lapsesHref(frame)}
          note={t('accountability.figures.days')}
          testId="acc-figure-max"
        />
      </Col>
    </Row>
  );
}
