import { Col, Row } from 'antd';
import type { Dashboard } from './api';
import type { DrillFilters } from './drill';
import { Figures } from './Figures';
import { ProblemPanel } from './ProblemPanel';
import { RankingPanel } from './RankingPanel';
import { SummaryPanel } from './SummaryPanel';
import { VisitPanel } from './VisitPanel';

/** The three actions on one page: visits, problems, summaries and the latest ranking. */
export function DashboardView({ d, mobile }: { d: Dashboard; mobile: boolean }) {
  // The lists ask for the campaign the figures were counted for, so both count the same rows.
  const frame: Pick<DrillFilters, 'unit' | 'campaign'> = { unit: d.unit.id, campaign: d.campaign?.id ?? null };
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Figures d={d} frame={frame} />
      </Col>
      <Col span={24}>
        <VisitPanel d={d} frame={frame} mobile={mobile} />
      </Col>
      <Col span={24}>
        <ProblemPanel d={d} unit={d.unit.id} mobile={mobile} />
      </Col>
      <Col xs={24} xl={12}>
        <SummaryPanel d={d} frame={frame} mobile={mobile} />
      </Col>
      <Col xs={24} xl={12}>
        <RankingPanel d={d} />
      </Col>
    </Row>
  );
}
