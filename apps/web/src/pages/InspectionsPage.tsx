import { reachOf } from '@fupin/domain';
import { Alert, Card, Spin, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';
import { useChecklists, useInspections } from '../modules/inspections/api';
import { SectorSweepPanel, sweepSectors } from '../modules/inspections/form/SectorSweepPanel';
import { SelfCheckPanel } from '../modules/inspections/form/SelfCheckPanel';
import { InspectionList } from '../modules/inspections/InspectionList';
import { SitesPanel } from '../modules/inspections/SitesPanel';
import { useUnitPermission } from '../modules/org/access';
import { useWorkPlace } from '../modules/problems/context';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /inspections 排查: the village's self-check of its sites, a sector leader's sweep, the sites, what was done. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const mobile = useIsMobile();
  const place = useWorkPlace();
  const may = useUnitPermission();
  const checklists = useChecklists(place.townshipId);
  const campaignId = place.campaign.data?.id ?? null;
  const inspections = useInspections(campaignId);
  // Villages whose sites the person inspects (their own; the township office any). A sector leader's
  // right to inspect reaches the villages too, but their work is the sector sweep.
  const selfChecks = (place.me?.user.roles ?? []).some(
    (r) => r.role !== 'sector_leader' && reachOf(r.role, 'inspection.submit') !== undefined,
  );
  const ownVillages = useMemo(
    () =>
      selfChecks
        ? place.units.filter((u) => u.kind === 'village' && u.townshipId === place.townshipId && may('inspection.submit', u))
        : [],
    [place.units, place.townshipId, may, selfChecks],
  );
  const township = place.township;
  const sweeps = township !== null && may('inspection.submit', township) && sweepSectors(place.me).length > 0;

  if (place.loading) return <Spin />;
  if (place.campaign.error) return <Alert type="warning" showIcon title={t('inspections.noCampaign')} />;
  if (!campaignId) return <Spin />;

  const tabs = [
    ...(ownVillages.length
      ? [
          {
            key: 'self',
            label: t('inspections.tabs.self'),
            children: (
              <SelfCheckPanel
                campaignId={campaignId}
                villages={ownVillages}
                checklists={checklists.data}
                inspections={inspections.data ?? []}
              />
            ),
          },
        ]
      : []),
    ...(sweeps
      ? [
          {
            key: 'sector',
            label: t('inspections.tabs.sector'),
            children: (
              <SectorSweepPanel
                campaignId={campaignId}
                me={place.me}
                checklists={checklists.data?.items}
                villages={place.villages}
              />
            ),
          },
        ]
      : []),
    ...(ownVillages.length
      ? [
          {
            key: 'sites',
            label: t('inspections.tabs.sites'),
            children: <SitesPanel villages={ownVillages} checklists={checklists.data?.items} lang={lang} />,
          },
        ]
      : []),
    {
      key: 'list',
      label: t('inspections.tabs.list'),
      children: inspections.error ? (
        <QueryError error={inspections.error} onRetry={() => void inspections.refetch()} />
      ) : (
        <InspectionList rows={inspections.data ?? []} loading={inspections.isPending} mobile={mobile} />
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('inspections.title')} />
      {checklists.error ? <QueryError error={checklists.error} onRetry={() => void checklists.refetch()} /> : null}
      <Card styles={{ body: { padding: mobile ? 12 : 16, paddingTop: 4 } }}>
        <Tabs items={tabs} destroyOnHidden data-testid="inspection-tabs" />
      </Card>
    </>
  );
}
