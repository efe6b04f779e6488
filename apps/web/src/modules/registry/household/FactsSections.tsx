/** 收入 and 住房与饮水 of one household, read-only. */
import { HOUSING_GRADES, HOUSING_STRUCTURES, perCapitaIncome, totalIncome } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistryLabels } from '../labels';

const number = { fontVariantNumeric: 'tabular-nums' } as const;

/** The four items, their total, and the per-capita figure by the shared rule (current members only). */
export function IncomeSection({ h, compact }: { h: Household; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const current = h.members.filter((m) => m.status === 'current').length;
  const perCapita = perCapitaIncome(h, current);
  const money = (v: number) => <span style={number}>{labels.yuan(v)}</span>;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: compact ? 136 : 180 } }}
      data-testid="income"
      items={[
        { key: 'year', label: t('registry.income.year'), children: h.incomeYear ?? t('registry.income.yearUnknown') },
        { key: 'wage', label: labels.field('wageIncome'), children: money(h.wageIncome) },
        { key: 'business', label: labels.field('businessIncome'), children: money(h.businessIncome) },
        { key: 'property', label: labels.field('propertyIncome'), children: money(h.propertyIncome) },
        { key: 'transfer', label: labels.field('transferIncome'), children: money(h.transferIncome) },
        { key: 'total', label: t('registry.income.total'), children: <strong>{money(totalIncome(h))}</strong> },
        {
          key: 'perCapita',
          label: t('registry.income.perCapita'),
          children:
            perCapita === null ? (
              <Typography.Text type="warning">{t('registry.income.noCurrent')}</Typography.Text>
            ) : (
              <span>
                <strong>{money(perCapita)}</strong>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('registry.income.rule', { count: current })}
                </Typography.Text>
              </span>
            ),
        },
      ]}
    />
  );
}

function WaterTag({ ok }: { ok: boolean | null }) {
  const { t } = useTranslation();
  if (ok === null) return <Typography.Text type="secondary">{t('registry.housing.unknown')}</Typography.Text>;
  return <Tag color={ok ? 'green' : 'red'}>{ok ? t('registry.housing.ok') : t('registry.housing.notOk')}</Tag>;
}

/** Structure, another safe house, the grade (C and D marked 危房), hazard point, the four water indicators. */
export function HousingSection({ h, compact }: { h: Household; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const dangerous = h.housingGrade === 'C' || h.housingGrade === 'D';
  const grade = h.housingGrade ? (
    <span>
      {labels.code(HOUSING_GRADES, h.housingGrade).replace(/（.*）|\(.*\)/, '')}
      {dangerous ? (
        <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="dangerous-house">
          {t('registry.housing.dangerous')}
        </Tag>
      ) : null}
    </span>
  ) : (
    '—'
  );
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: compact ? 136 : 180 } }}
      data-testid="housing"
      items={[
        {
          key: 'structure',
          label: labels.field('housingStructure'),
          children: labels.code(HOUSING_STRUCTURES, h.housingStructure) || '—',
        },
        { key: 'other', label: labels.field('otherSafeHouse'), children: h.otherSafeHouse ? t('common.yes') : t('common.no') },
        { key: 'grade', label: labels.field('housingGrade'), children: grade },
        {
          key: 'hazard',
          label: labels.field('hazardPoint'),
          children: h.hazardPoint ? <Tag color="orange">{h.hazardPoint}</Tag> : t('registry.housing.noHazard'),
        },
        { key: 'wq', label: labels.field('waterQuantityOk'), children: <WaterTag ok={h.waterQuantityOk} /> },
        { key: 'wl', label: labels.field('waterQualityOk'), children: <WaterTag ok={h.waterQualityOk} /> },
        { key: 'wc', label: labels.field('waterConvenienceOk'), children: <WaterTag ok={h.waterConvenienceOk} /> },
        { key: 'wr', label: labels.field('waterReliabilityOk'), children: <WaterTag ok={h.waterReliabilityOk} /> },
      ]}
    />
  );
}
