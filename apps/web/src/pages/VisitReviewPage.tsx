import { Card, Empty, Flex, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Discrepancy, useDiscrepancies } from '../modules/visits/api';
import { DiscrepancyItem } from '../modules/visits/review/DiscrepancyItem';
import { useVillageChoice } from '../modules/visits/review/use-villages';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

/** /visits/review 台账核对: the village's pending differences, grouped by household, each accepted or rejected. */
export function VisitReviewPage() {
  const { t } = useTranslation();
  const { villages, villageId, setVillageId, error: unitsError } = useVillageChoice('household.manage');
  const list = useDiscrepancies(villageId);
  const groups = useMemo(() => {
    const byHousehold = new Map<string, Discrepancy[]>();
    for (const d of list.data ?? []) byHousehold.set(d.householdId, [...(byHousehold.get(d.householdId) ?? []), d]);
    // Conflicts first: they need the closest look.
    return [...byHousehold.values()].sort((a, b) => Number(b.some((d) => d.conflict)) - Number(a.some((d) => d.conflict)));
  }, [list.data]);

  const error = unitsError ?? list.error;
  return (
    <div style={{ maxWidth: 860 }} data-testid="review-page">
      <PageHeader
        title={t('visits.review.title')}
        extra={
          villages.length > 1 ? (
            <Select
              value={villageId}
              onChange={setVillageId}
              options={villages.map((v) => ({ value: v.id, label: v.name }))}
              style={{ minWidth: 160 }}
              placeholder={t('visits.review.chooseVillage')}
              showSearch={{ optionFilterProp: 'label' }}
            />
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('visits.review.hint')}</Typography.Paragraph>
      {error ? (
        <QueryError error={error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <FullPageSpin fullHeight={false} />
      ) : groups.length === 0 ? (
        <Empty description={t('visits.review.none')} />
      ) : (
        <>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('visits.review.pending', { count: list.data.length })}
          </Typography.Text>
          <Flex vertical gap={12}>
            {groups.map((items) => {
              const first = items[0] as Discrepancy;
              return (
                <Card
                  key={first.householdId}
                  size="small"
                  title={<Link to={`/registry/${first.householdId}`}>{first.headName}</Link>}
                  extra={<Typography.Text type="secondary">{first.householdNumber}</Typography.Text>}
                  styles={{ body: { padding: 10 } }}
                  data-testid="review-household"
                >
                  {items.map((d) => (
                    <DiscrepancyItem key={d.id} item={d} />
                  ))}
                </Card>
              );
            })}
          </Flex>
        </>
      )}
    </div>
  );
}
