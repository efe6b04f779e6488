import { Alert, Card, Flex, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CrosscheckForm } from '../modules/inspections/crosscheck/CrosscheckForm';
import { useUnitPermission } from '../modules/org/access';
import { useWorkPlace } from '../modules/problems/context';
import { PageHeader } from '../ui/PageHeader';
import { useIsMobile } from '../ui/use-is-mobile';

/** /crosschecks 交叉检查: the county's work groups and the area leaders re-verify a village. */
export function CrosscheckPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const place = useWorkPlace();
  const may = useUnitPermission();
  const villages = useMemo(() => place.villages.filter((v) => may('inspection.crosscheck', v)), [place.villages, may]);
  const [villageId, setVillageId] = useState<string | null>(null);
  const campaignId = place.campaign.data?.id ?? null;

  if (place.loading) return <Spin />;
  if (place.campaign.error || !campaignId) return <Alert type="warning" showIcon title={t('inspections.noCampaign')} />;
  return (
    <>
      <PageHeader title={t('inspections.crosscheck.title')} />
      <Flex vertical gap={12}>
        <Card size="small" styles={{ body: { padding: mobile ? 12 : 16 } }}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('inspections.crosscheck.intro')}</Typography.Text>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              value={villageId ?? undefined}
              onChange={setVillageId}
              placeholder={t('inspections.village')}
              aria-label={t('inspections.village')}
              options={villages.map((v) => ({ value: v.id, label: v.name }))}
              style={{ maxWidth: 240 }}
              data-testid="crosscheck-village"
            />
          </Flex>
        </Card>
        {villageId ? <CrosscheckForm key={villageId} campaignId={campaignId} villageId={villageId} /> : null}
      </Flex>
    </>
  );
}
