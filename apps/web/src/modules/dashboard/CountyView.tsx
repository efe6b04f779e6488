import type { VisitTaskState } from '@fupin/domain';
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ChartOption, EChart } from '../problems/meeting/EChart';
import type { CountyDashboard } from './api';
import { barsHeight, barsOption, STATE_COLORS, visitSeries } from './charts';
import { barTarget, percent } from './drill';

type Township = CountyDashboard['townships'][number];

/** The township's own dashboard: the county roles read every township of the county. */
export const townshipHref = (id: string, campaignId?: string | null) =>
  `/dashboard?unit=${id}${campaignId ? `&campaign=${campaignId}` : ''}`;

/** 全县看板: each township side by side (visits by state, summaries, problems, ranking); a township opens its dashboard. */
export function CountyView({ c, mobile }: { c: CountyDashboard; mobile: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = c.townships;
  const option = useMemo<ChartOption>(
    () =>
      barsOption(
        rows.map((r) => r.townshipName),
        visitSeries(
          rows.map((r) => r.visits),
          (s) => t(`visits.states.${s as VisitTaskState}`),
        ),
        mobile,
      ),
    [rows, mobile, t],
  );
  const num = (n: number, color?: string) => (
    <span style={{ color: n ? color : '#bfbfbf', fontWeight: n && color ? 600 : undefined }}>{n}</span>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title={t('dashboard.county.chart')}>
          <EChart
            option={option}
            style={{ height: barsHeight(rows.length, mobile) }}
            testId="chart-county"
            onClick={(click) => {
              const hit = barTarget(rows, click, ['missing', 'late', 'due', 'done', 'upcoming']);
              if (hit) void navigate(townshipHref(hit.id.townshipId, hit.id.campaign?.id));
            }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" styles={{ body: { padding: mobile ? 0 : 8 } }}>
          <Table<Township>
            size="small"
            rowKey="townshipId"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="county-table"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('dashboard.county.totals')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2}>
                  {c.totals.visits.done + c.totals.visits.late} / {c.totals.visits.tasks}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{num(c.totals.visits.missing, STATE_COLORS.missing)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} />
                <Table.Summary.Cell index={5}>{num(c.totals.problems.open, STATE_COLORS.open)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6}>{num(c.totals.problems.overdue, STATE_COLORS.overdue)}</Table.Summary.Cell>
                <Table.Summary.Cell index={7}>{num(c.totals.problems.closed)}</Table.Summary.Cell>
                <Table.Summary.Cell index={8} />
              </Table.Summary.Row>
            )}
            columns={[
              {
                title: t('dashboard.county.township'),
                dataIndex: 'townshipName',
                fixed: mobile ? 'left' : undefined,
                render: (name: string, r) => (
                  <Link to={townshipHref(r.townshipId, r.campaign?.id)} data-testid="county-township">
                    {name}
                  </Link>
                ),
              },
              {
                title: t('dashboard.county.campaign'),
                key: 'campaign',
                render: (_, r) => r.campaign?.name ?? t('dashboard.county.noCampaign'),
              },
              {
                title: t('dashboard.county.visitCoverage'),
                key: 'visits',
                render: (_, r) =>
                  `${r.visits.done + r.visits.late} / ${r.visits.tasks}（${percent(r.visits.done + r.visits.late, r.visits.tasks)}%）`,
              },
              {
                title: t('visits.states.missing'),
                key: 'missing',
                render: (_, r) => num(r.visits.missing, STATE_COLORS.missing),
              },
              {
                title: t('dashboard.county.summaries'),
                key: 'summaries',
                render: (_, r) => (
                  <>
                    {r.summaries.visitSubmitted} / {r.summaries.villages}
                    {r.summaries.visitLate ? (
                      <Tag color="error" style={{ marginInlineStart: 6 }}>
                        {t('dashboard.summaryStates.late')} {r.summaries.visitLate}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('dashboard.problemStates.open'),
                key: 'open',
                render: (_, r) => num(r.problems.open, STATE_COLORS.open),
              },
              {
                title: t('dashboard.problemStates.overdue'),
                key: 'overdue',
                render: (_, r) => num(r.problems.overdue, STATE_COLORS.overdue),
              },
              { title: t('dashboard.problemStates.closed'), key: 'closed', render: (_, r) => num(r.problems.closed) },
              {
                title: t('dashboard.county.ranking'),
                key: 'ranking',
                render: (_, r) =>
                  r.ranking ? (
                    <Link to={`/competition/rounds/${r.ranking.roundId}/bulletin`}>
                      {r.ranking.month} · {t(`dashboard.ranking.status.${r.ranking.status}`)}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
