import { Alert, Card, Flex, Select, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TownshipOverview } from '../modules/inspections/summary/TownshipOverview';
import { VillageSummary } from '../modules/inspections/summary/VillageSummary';
import { useUnitPermission } from '../modules/org/access';
import { readsTownship, useWorkPlace } from '../modules/problems/context';
import { PageHeader } from '../ui/PageHeader';
import { useIsMobile } from '../ui/use-is-mobile';

/** /inspections/summary 排查汇总 (附件5): a village's table, submitted and locked; the township's roll-up. */
export function InspectionSummaryPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const place = useWorkPlace();
  const may = useUnitPermission();
  const township = readsTownship(place.me);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  const campaignId = place.campaign.data?.id ?? null;
  const chosen = villageId ?? place.villages[0]?.id ?? null;
  const village = useMemo(() => place.villages.find((v) => v.id === chosen) ?? null, [place.villages, chosen]);

  if (place.loading) return <Spin />;
  if (place.campaign.error || !campaignId) return <Alert type="warning" showIcon title={t('inspections.noCampaign')} />;

  const villageView = (
    <Flex vertical gap={12}>
      {place.villages.length > 1 ? (
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          value={chosen ?? undefined}
          onChange={setVillageId}
          options={place.villages.map((v) => ({ value: v.id, label: v.name }))}
          aria-label={t('inspections.village')}
          style={{ maxWidth: 240 }}
          data-testid="summary-village"
        />
      ) : null}
      {village ? (
        <VillageSummary
          key={village.id}
          campaignId={campaignId}
          villageId={village.id}
          canSubmit={may('summary.submit', village)}
          canReopen={may('campaign.manage', village)}
        />
      ) : null}
    </Flex>
  );
  const active = tab ?? (township ? 'township' : 'village');
  return (
    <>
      <PageHeader title={t('inspections.summary.title')} />
      <Card styles={{ body: { padding: mobile ? 12 : 16, paddingTop: township ? 4 : undefined } }}>
        {township ? (
          <Tabs
            activeKey={active}
            onChange={setTab}
            items={[
              {
                key: 'township',
                label: t('inspections.summary.tabTownship'),
                children: (
                  <TownshipOverview
                    campaignId={campaignId}
                    mobile={mobile}
                    canReopen={place.township !== null && may('campaign.manage', place.township)}
                    onOpen={(id) => {
                      setVillageId(id);
                      setTab('village');
                    }}
                  />
                ),
              },
              { key: 'village', label: t('inspections.summary.tabVillage'), children: villageView },
            ]}
          />
        ) : (
          villageView
        )}
      </Card>
    </>
  );
}
