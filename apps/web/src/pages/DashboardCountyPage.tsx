import { InputNumber, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../modules/auth/api';
import { useCountyDashboard } from '../modules/dashboard/api';
import { CountyView } from '../modules/dashboard/CountyView';
import { dashboardHome } from '../modules/dashboard/home';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /dashboard/county 全县看板 for the county roles: every township of the county, a year at a time. */
export function DashboardCountyPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const home = dashboardHome(me.data);
  const asked = params.get('county');
  const countyId = asked && UUID.test(asked) ? asked : home?.kind === 'county' ? home.countyId : null;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : null;
  const county = useCountyDashboard(countyId, year);

  if (!countyId) return <Result status="info" title={t('dashboard.countyLink')} subTitle={t('dashboard.noPlace')} />;
  if (county.error) return <QueryError error={county.error} onRetry={() => void county.refetch()} />;
  if (!county.data) return <FullPageSpin fullHeight={false} />;
  const c = county.data;
  return (
    <div data-testid="county-page">
      <PageHeader
        title={t('dashboard.countyTitle', { county: c.county.name })}
        extra={
          <InputNumber
            value={c.year}
            min={2000}
            max={2100}
            prefix={t('dashboard.county.year')}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v) next.set('year', String(v));
              setParams(next, { replace: true });
            }}
            style={{ width: 140 }}
            data-testid="county-year"
          />
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('dashboard.today', { date: c.today })}
      </Typography.Paragraph>
      <CountyView c={c} mobile={mobile} />
    </div>
  );
}
