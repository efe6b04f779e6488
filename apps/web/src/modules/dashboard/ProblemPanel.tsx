import { PROBLEM_FIGURES, type ProblemFigure } from '@fupin/domain';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProblemLabels } from '../problems/labels';
import { type ChartOption, EChart } from '../problems/meeting/EChart';
import type { Dashboard } from './api';
import { barsHeight, barsOption, problemSeries } from './charts';
import { barTarget, drillHref } from './drill';

/** One problem chart: a bar per row (a category or a village), a click opens those problems. */
function ProblemBars<T extends { open: number; overdue: number; closed: number; total: number }>({
  rows,
  name,
  drill,
  mobile,
  testId,
}: {
  rows: T[];
  name: (r: T) => string;
  drill: (r: T, state: ProblemFigure) => string;
  mobile: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () =>
      barsOption(
        rows.map(name),
        problemSeries(rows, (s) => t(`dashboard.problemStates.${s as ProblemFigure}`)),
        mobile,
      ),
    [rows, name, mobile, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.problems.none')} />;
  return (
    <EChart
      option={option}
      style={{ height: barsHeight(rows.length, mobile) }}
      testId={testId}
      onClick={(click) => {
        const hit = barTarget(rows, click, PROBLEM_FIGURES);
        if (hit) void navigate(drill(hit.id, hit.state as ProblemFigure));
      }}
    />
  );
}

/** 大排查: problems open, overdue and closed by category and by village; the whole ledger, not one campaign. */
export function ProblemPanel({ d, unit, mobile }: { d: Dashboard; unit: string | null; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  // Categories with no problem at all would only crowd the chart.
  const categories = useMemo(() => d.problems.byCategory.filter((c) => c.total > 0), [d.problems.byCategory]);
  const villages = d.problems.byVillage;
  const categoryName = useMemo(() => (r: (typeof categories)[number]) => labels.category(r.category), [labels]);
  const villageName = useMemo(
    () => (r: (typeof villages)[number]) => (r.villageId ? r.villageName : t('dashboard.problems.township')),
    [t],
  );
  return (
    <Card size="small" title={t('dashboard.problems.title')} data-testid="problem-panel">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Typography.Text strong>{t('dashboard.problems.byCategory')}</Typography.Text>
          <ProblemBars
            rows={categories}
            name={categoryName}
            drill={(r, state) => drillHref('problems', { unit, category: r.category, state })}
            mobile={mobile}
            testId="chart-problem-categories"
          />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Text strong>{t('dashboard.problems.byVillage')}</Typography.Text>
          <ProblemBars
            rows={villages}
            name={villageName}
            drill={(r, state) => drillHref('problems', { unit, village: r.villageId ?? 'none', state })}
            mobile={mobile}
            testId="chart-problem-villages"
          />
        </Col>
      </Row>
    </Card>
  );
}
