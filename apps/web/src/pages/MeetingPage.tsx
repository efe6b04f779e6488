import { DownloadOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Row, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../api/use-report-error';
import { hasPermission } from '../modules/auth/api';
import { useMatrix, useOverdue, useOverdueCheck } from '../modules/problems/api';
import { readsTownship, useWorkPlace } from '../modules/problems/context';
import { CategoryHeatmap, VillageBars } from '../modules/problems/meeting/MatrixCharts';
import { MatrixTable } from '../modules/problems/meeting/MatrixTable';
import { matrixRows, usedCategories } from '../modules/problems/meeting/matrix';
import { OverdueLists } from '../modules/problems/meeting/OverdueLists';
import { downloadFile } from '../modules/registry/files';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /problems/meeting 问题分析研判会: every village × category, the overdue lists, the overdue check. */
export function MeetingPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const report = useReportError();
  const place = useWorkPlace();
  const [campaignOnly, setCampaignOnly] = useState(true);
  const allowed = readsTownship(place.me);
  const townshipId = allowed ? place.townshipId : null;
  const campaignId = campaignOnly ? (place.campaign.data?.id ?? null) : null;
  const matrix = useMatrix(townshipId, campaignId);
  const overdue = useOverdue(townshipId);
  const check = useOverdueCheck();
  const [exporting, setExporting] = useState(false);
  const rows = useMemo(() => (matrix.data ? matrixRows(matrix.data, t('problems.township')) : []), [matrix.data, t]);
  const categories = useMemo(() => (matrix.data ? usedCategories(matrix.data) : []), [matrix.data]);

  if (!allowed) return <Alert type="info" showIcon title={t('problems.meeting.needsTownship')} />;

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/problems/matrix.xlsx', { townshipId, campaignId }, 'matrix.xlsx');
      void message.success(t('problems.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };
  const onCheck = () =>
    townshipId &&
    check.mutate(townshipId, {
      onSuccess: (r) =>
        void message.success(
          t('problems.meeting.checked', { marked: r.markedProblems, escalated: r.escalated, orders: r.markedOrders }),
        ),
      onError: (e) => report(e),
    });

  return (
    <>
      <PageHeader
        title={t('problems.meeting.title')}
        extra={
          <>
            <Checkbox checked={campaignOnly} onChange={(e) => setCampaignOnly(e.target.checked)} style={{ alignSelf: 'center' }}>
              {t('problems.meeting.campaignOnly')}
            </Checkbox>
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} data-testid="export-matrix">
              {t('problems.meeting.export')}
            </Button>
          </>
        }
      />
      {matrix.error ? <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('problems.meeting.chartTitle')} size="small">
            <Spin spinning={matrix.isPending}>
              <VillageBars rows={rows} mobile={mobile} />
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('problems.meeting.heatTitle')} size="small">
            <Spin spinning={matrix.isPending}>
              {matrix.data ? <CategoryHeatmap m={matrix.data} rows={rows} mobile={mobile} /> : null}
            </Spin>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('problems.meeting.tableTitle')} size="small" styles={{ body: { padding: mobile ? 8 : 12 } }}>
            <MatrixTable rows={rows} categories={categories} mobile={mobile} />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('problems.meeting.overdueTitle')}
            size="small"
            extra={
              hasPermission(place.me, 'problem.manage') ? (
                <Button
                  type="primary"
                  danger
                  size="small"
                  icon={<FieldTimeOutlined />}
                  loading={check.isPending}
                  onClick={onCheck}
                  data-testid="overdue-check"
                >
                  {t('problems.meeting.check')}
                </Button>
              ) : null
            }
            data-testid="overdue-card"
          >
            {overdue.error ? (
              <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} />
            ) : overdue.data ? (
              <OverdueLists data={overdue.data} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
