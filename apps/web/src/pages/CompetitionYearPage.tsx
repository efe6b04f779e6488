import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../api/use-report-error';
import { hasPermission } from '../modules/auth/api';
import { useCompetitionTownship } from '../modules/competition/context';
import { thisMonth, useCompetitionLabels } from '../modules/competition/labels';
import { useSaveYearScores, useYear } from '../modules/competition/work-api';
import { latestRanking } from '../modules/competition/year/ranking';
import { RankingBars, TrendLines } from '../modules/competition/year/YearCharts';
import { type OtherScores, YearTable } from '../modules/competition/year/YearTable';
import { downloadFile } from '../modules/registry/files';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/**
 * /competition/year 年度得分: per village the monthly totals, the annual score, the other score (the
 * office enters it) and the year-end evaluation; the latest ranking and the monthly trend as
 * charts; the table as .xlsx.
 */
export function CompetitionYearPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const labels = useCompetitionLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const place = useCompetitionTownship();
  const current = Number(thisMonth().slice(0, 4));
  const [year, setYear] = useState(current);
  const data = useYear(place.townshipId, year);
  const saveOthers = useSaveYearScores();
  const [others, setOthers] = useState<OtherScores>({});
  const [exporting, setExporting] = useState(false);
  const manage = hasPermission(place.me, 'competition.manage');
  const y = data.data;
  useEffect(() => {
    if (y) setOthers(Object.fromEntries(y.villages.map((v) => [v.villageId, v.otherScore])));
  }, [y]);
  const latest = useMemo(() => (y ? latestRanking(y) : null), [y]);

  const onSave = () => {
    if (!y || !place.townshipId) return;
    const scores = y.villages
      .filter((v) => typeof others[v.villageId] === 'number')
      .map((v) => ({ villageId: v.villageId, otherScore: others[v.villageId] as number }));
    saveOthers.mutate(
      { townshipId: place.townshipId, year, scores },
      { onSuccess: () => void message.success(t('competition.yearPage.saved')), onError: (e) => report(e) },
    );
  };
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/competition/year.xlsx', { townshipId: place.townshipId, year }, 'year.xlsx');
      void message.success(t('competition.bulletin.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('competition.yearPage.title')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              options={[current, current - 1, current - 2].map((n) => ({
                value: n,
                label: labels.lang === 'en' ? String(n) : `${n}年`,
              }))}
              aria-label={t('competition.yearPage.year')}
              style={{ width: 110 }}
            />
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} data-testid="year-export">
              {t('competition.yearPage.export')}
            </Button>
          </>
        }
      />
      {data.error ? <QueryError error={data.error} onRetry={() => void data.refetch()} /> : null}
      {!y ? (
        data.error ? null : (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        )
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Alert
              type="info"
              showIcon
              title={t('competition.yearPage.weight', { percent: Math.round(y.competitionWeight * 100) })}
              description={y.months.length === 0 ? t('competition.yearPage.noRounds') : undefined}
            />
          </Col>
          <Col xs={24} xl={10}>
            <Card
              size="small"
              title={t('competition.yearPage.chartRanking', { month: latest ? labels.month(latest.month) : '—' })}
            >
              <RankingBars y={y} mobile={mobile} />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('competition.yearPage.chartTrend')}>
              <TrendLines y={y} mobile={mobile} />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={`${y.townshipName} ${labels.lang === 'en' ? y.year : `${y.year}年`}`}
              styles={{ body: { padding: mobile ? 8 : 12 } }}
              extra={
                manage && !mobile ? (
                  <Button
                    type="primary"
                    icon={<SaveOutlined />}
                    onClick={onSave}
                    loading={saveOthers.isPending}
                    data-testid="save-other"
                  >
                    {t('competition.yearPage.saveOther')}
                  </Button>
                ) : null
              }
            >
              <YearTable
                y={y}
                others={others}
                onOther={(id, v) => setOthers((o) => ({ ...o, [id]: v }))}
                editable={manage}
                mobile={mobile}
              />
              {manage && mobile ? (
                <Button
                  type="primary"
                  block
                  size="large"
                  icon={<SaveOutlined />}
                  onClick={onSave}
                  loading={saveOthers.isPending}
                  style={{ marginTop: 8 }}
                >
                  {t('competition.yearPage.saveOther')}
                </Button>
              ) : null}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
