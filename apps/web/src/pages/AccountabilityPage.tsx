import { Alert, Card, Col, Flex, Result, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAccountability } from '../modules/accountability/api';
import { ExportButton } from '../modules/accountability/ExportButton';
import { AccountabilityFigures } from '../modules/accountability/Figures';
import { EMPTY_LAPSE_FILTERS } from '../modules/accountability/filters';
import { PeopleTable } from '../modules/accountability/PeopleTable';
import { accountabilityUnit } from '../modules/accountability/place';
import { SendingUnitsTable } from '../modules/accountability/SendingUnitsTable';
import { UnitChart } from '../modules/accountability/UnitChart';
import { UnitsTable } from '../modules/accountability/UnitsTable';
import { useMe } from '../modules/auth/api';
import { CampaignPicker } from '../modules/dashboard/CampaignPicker';
import { dashboardHome } from '../modules/dashboard/home';
import { useUnits } from '../modules/org/api';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /accountability 责任倒查 (DOMAIN §7), read-only: by the deadlines, who did not visit, inspect,
 * rectify or advance, by person, by unit and by 派出单位 (whose head answers with the cadres it
 * sent), each figure opening its lapses with the evidence.
 */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const unit = accountabilityUnit(me.data, params.get('unit'), units.data ?? []);
  const campaignParam = params.get('campaign');
  const campaign = campaignParam && UUID.test(campaignParam) ? campaignParam : null;
  const summary = useAccountability(unit, campaign);
  const home = dashboardHome(me.data, 'accountability.read');
  const townships =
    home?.kind === 'county' ? (units.data ?? []).filter((u) => u.kind === 'township' && u.countyId === home.countyId) : [];

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'unit') next.delete('campaign');
    setParams(next, { replace: true });
  };

  if (!unit && !units.isPending)
    return <Result status="info" title={t('accountability.title')} subTitle={t('dashboard.noPlace')} />;
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <FullPageSpin fullHeight={false} />;
  const a = summary.data;
  const frame = { unit: a.unit.id, campaign: a.campaign?.id ?? null };

  return (
    <div data-testid="accountability-page">
      <PageHeader
        title={t('accountability.titleOf', { unit: a.unit.name })}
        extra={
          <>
            {townships.length > 1 ? (
              <Select
                value={a.township.id}
                onChange={(v) => set('unit', v)}
                options={townships.map((u) => ({ value: u.id, label: u.name }))}
                style={{ minWidth: 120 }}
                aria-label={t('dashboard.county.township')}
              />
            ) : null}
            {a.unit.kind === 'township' ? (
              <CampaignPicker townshipId={a.township.id} value={a.campaign?.id ?? null} onChange={(id) => set('campaign', id)} />
            ) : null}
            <ExportButton filters={{ ...EMPTY_LAPSE_FILTERS, ...frame }} />
          </>
        }
      />
      <Flex gap={12} wrap style={{ marginTop: -8, marginBottom: 12 }}>
        {a.campaign ? <Typography.Text type="secondary">{a.campaign.name}</Typography.Text> : null}
        <Typography.Text type="secondary">{t('dashboard.today', { date: a.today })}</Typography.Text>
      </Flex>
      <Alert type="info" showIcon title={t('accountability.readOnly')} style={{ marginBottom: 12 }} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <AccountabilityFigures a={a} frame={frame} />
        </Col>
        <Col span={24}>
          <Card size="small" title={t('accountability.people.title')} styles={{ body: { padding: mobile ? 0 : 8 } }}>
            <PeopleTable rows={a.people} frame={frame} mobile={mobile} />
          </Card>
        </Col>
        {a.unit.kind === 'township' ? (
          <Col span={24}>
            <Card size="small" title={t('accountability.units.chart')}>
              <UnitChart rows={a.units} frame={frame} mobile={mobile} />
            </Card>
          </Col>
        ) : null}
        <Col span={24}>
          <Card size="small" title={t('accountability.units.title')} styles={{ body: { padding: mobile ? 0 : 8 } }}>
            <UnitsTable rows={a.units} frame={frame} />
          </Card>
        </Col>
        {a.sendingUnits.length > 0 ? (
          <Col span={24}>
            <Card
              size="small"
              title={t('accountability.sending.title')}
              styles={{ body: { padding: mobile ? 0 : 8 } }}
              data-testid="sending-units-card"
            >
              <SendingUnitsTable rows={a.sendingUnits} frame={frame} mobile={mobile} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
