import { GlobalOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMe } from '../modules/auth/api';
import { useDashboard } from '../modules/dashboard/api';
import { CampaignPicker } from '../modules/dashboard/CampaignPicker';
import { DashboardView } from '../modules/dashboard/DashboardView';
import { dashboardHome } from '../modules/dashboard/home';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /dashboard 工作看板: a township's (or village's) three actions on one page. `unit` and `campaign`
 * in the address choose another township (from the county view) or an earlier campaign.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const home = dashboardHome(me.data);
  const asked = params.get('unit');
  const unit = asked && UUID.test(asked) ? asked : home?.kind === 'unit' ? home.unitId : null;
  const campaignParam = params.get('campaign');
  const campaign = campaignParam && UUID.test(campaignParam) ? campaignParam : null;
  const dashboard = useDashboard(unit, campaign);

  if (!unit) {
    if (home?.kind === 'county') return <Navigate to={`/dashboard/county?county=${home.countyId}`} replace />;
    return <Result status="info" title={t('dashboard.title')} subTitle={t('dashboard.noPlace')} />;
  }
  if (dashboard.error) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!dashboard.data) return <FullPageSpin fullHeight={false} />;
  const d = dashboard.data;
  const setCampaign = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('campaign', id);
    else next.delete('campaign');
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="dashboard-page">
      <PageHeader
        title={t('dashboard.titleOf', { unit: d.unit.name })}
        extra={
          <>
            {d.unit.kind === 'township' ? (
              <CampaignPicker townshipId={d.township.id} value={d.campaign?.id ?? null} onChange={setCampaign} />
            ) : null}
            {home?.kind === 'county' ? (
              <Link to={`/dashboard/county?county=${home.countyId}`}>
                <Button icon={<GlobalOutlined />}>{t('dashboard.countyLink')}</Button>
              </Link>
            ) : null}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void dashboard.refetch()}
              loading={dashboard.isFetching}
              aria-label={t('dashboard.refresh')}
            >
              {mobile ? null : t('dashboard.refresh')}
            </Button>
          </>
        }
      />
      <Flex gap={12} wrap style={{ marginTop: -8, marginBottom: 12 }}>
        {d.campaign ? <Typography.Text type="secondary">{d.campaign.name}</Typography.Text> : null}
        <Typography.Text type="secondary">{t('dashboard.today', { date: d.today })}</Typography.Text>
      </Flex>
      {d.campaign ? null : <Alert type="info" showIcon title={t('dashboard.noCampaign')} style={{ marginBottom: 12 }} />}
      <DashboardView d={d} mobile={mobile} />
    </div>
  );
}
