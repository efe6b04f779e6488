import type { VisitTaskState } from '@fupin/domain';
import { Card, Col, Flex, Input, Row, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ChartOption, EChart } from '../problems/meeting/EChart';
import type { Dashboard } from './api';
import { barsHeight, barsOption, STATE_COLORS, VISIT_ORDER, visitSeries } from './charts';
import { barTarget, type DrillFilters, drillHref } from './drill';
import { CountLink } from './Figure';

type CadreRow = Dashboard['visits']['byCadre'][number];
type Frame = Pick<DrillFilters, 'unit' | 'campaign'>;

/** Every cadre's paired households by state, worst first; each number opens those households. */
function CadreTable({ rows, frame, mobile }: { rows: CadreRow[]; frame: Frame; mobile: boolean }) {
  const { t } = useTranslation();
  // A township has dozens of cadres: find one by name rather than page for them.
  const [q, setQ] = useState('');
  const sorted = useMemo(
    () =>
      rows
        .filter((r) => !q.trim() || r.name.includes(q.trim()))
        .sort((a, b) => b.missing - a.missing || b.late - a.late || b.due - a.due || a.name.localeCompare(b.name, 'zh-CN')),
    [rows, q],
  );
  const href = (r: CadreRow, state?: string) => drillHref('visits', { ...frame, cadre: r.userId, village: r.villageId, state });
  const stateColumn = (state: (typeof VISIT_ORDER)[number]) => ({
    title: t(`visits.states.${state}`),
    key: state,
    align: 'right' as const,
    width: 76,
    render: (_: unknown, r: CadreRow) => <CountLink n={r[state]} to={href(r, state)} color={STATE_COLORS[state]} />,
    sorter: (a: CadreRow, b: CadreRow) => a[state] - b[state],
  });
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        placeholder={t('dashboard.visits.searchCadre')}
        onChange={(e) => setQ(e.target.value)}
        style={{ maxWidth: 260 }}
        data-testid="cadre-search"
      />
      <Table<CadreRow>
        size="small"
        rowKey={(r) => `${r.userId}:${r.villageId}`}
        dataSource={sorted}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        scroll={mobile ? { x: 560 } : undefined}
        data-testid="cadre-table"
        columns={[
          {
            title: t('dashboard.visits.cadre'),
            dataIndex: 'name',
            fixed: mobile ? 'left' : undefined,
            width: 96,
            render: (name: string, r) => <Link to={href(r)}>{name}</Link>,
          },
          { title: t('dashboard.visits.village'), dataIndex: 'villageName', width: 80 },
          { title: t('dashboard.visits.tasks'), dataIndex: 'tasks', align: 'right', width: 60 },
          stateColumn('missing'),
          stateColumn('late'),
          stateColumn('due'),
          stateColumn('done'),
        ]}
      />
    </Flex>
  );
}

/** 大走访: each village's tasks by state (a bar opens its households), and each cadre's. */
export function VisitPanel({ d, frame, mobile }: { d: Dashboard; frame: Frame; mobile: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = d.visits.byVillage;
  const option = useMemo<ChartOption>(
    () =>
      barsOption(
        rows.map((r) => r.villageName),
        visitSeries(rows, (s) => t(`visits.states.${s as VisitTaskState}`)),
        mobile,
      ),
    [rows, mobile, t],
  );
  const phase = d.visits.phase;
  return (
    <Card
      size="small"
      title={t('dashboard.visits.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {phase ? t('dashboard.visits.phase', { start: phase.start, end: phase.end }) : t('dashboard.visits.noPhase')}
        </Typography.Text>
      }
      data-testid="visit-panel"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={rows.length > 1 ? 12 : 24}>
          <Typography.Text strong>{t('dashboard.visits.byVillage')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {t('dashboard.visits.clickHint')}
          </Typography.Text>
          <EChart
            option={option}
            style={{ height: barsHeight(rows.length, mobile) }}
            testId="chart-visit-villages"
            onClick={(click) => {
              const hit = barTarget(
                rows.map((r) => r.villageId),
                click,
                VISIT_ORDER,
              );
              if (hit) void navigate(drillHref('visits', { ...frame, village: hit.id, state: hit.state }));
            }}
          />
        </Col>
        <Col xs={24} xl={rows.length > 1 ? 12 : 24}>
          <Typography.Text strong>{t('dashboard.visits.byCadre')}</Typography.Text>
          <CadreTable rows={d.visits.byCadre} frame={frame} mobile={mobile} />
        </Col>
      </Row>
    </Card>
  );
}
