import type { Flag } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Descriptions, Flex, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HouseholdFlags } from '../../rules/flags';
import { useVisitLabels } from '../labels';
import { Block, ObservedItem } from './controls';
import type { Figures } from './live';

const INCOME = ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome'] as const;

/** 算 calculate: the year's income as found, the figures the rules read, and the flags as they stand now. */
export function CalcStep({ h, figures, flags, hasRules }: { h: Household; figures: Figures; flags: Flag[]; hasRules: boolean }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const under = figures.perCapitaIncome !== null && figures.perCapitaIncome < figures.incomeLine;
  const before = new Set(h.flags.map((f) => f.ruleId));
  const now = new Set(flags.map((f) => f.ruleId));
  const added = [...now].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !now.has(id));
  return (
    <>
      <Block title={t('visits.form.income')} testId="step-calc">
        {INCOME.map((f) => (
          <ObservedItem key={f} name={['income', f]} field={f} registry={h[f]} label={labels.field(f)}>
            <InputNumber
              min={f === 'businessIncome' ? -100_000_000 : 0}
              max={100_000_000}
              precision={2}
              style={{ width: '100%' }}
              suffix={t('registry.form.yuan')}
              inputMode="decimal"
              data-testid={`income-${f}`}
            />
          </ObservedItem>
        ))}
      </Block>
      <Block title={t('visits.form.figures')} testId="figures">
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'members', label: t('visits.form.currentMembers'), children: figures.currentMembers },
            { key: 'total', label: t('registry.income.total'), children: labels.yuan(figures.totalIncome) },
            {
              key: 'perCapita',
              label: t('visits.form.perCapita'),
              children: (
                <Flex gap={6} wrap align="center">
                  <span data-testid="per-capita">{labels.yuan(figures.perCapitaIncome)}</span>
                  {under ? <Tag color="red">{t('visits.form.underLine', { line: labels.yuan(figures.incomeLine) })}</Tag> : null}
                </Flex>
              ),
            },
            { key: 'transfer', label: t('visits.form.transferShare'), children: labels.percent(figures.transferShare) },
            {
              key: 'labour',
              label: t('visits.form.labour'),
              children: figures.labourCoefficient === null ? '—' : figures.labourCoefficient.toFixed(2),
            },
          ]}
        />
      </Block>
      <Block title={t('visits.form.flags')} testId="live-flags">
        {hasRules ? (
          <>
            <HouseholdFlags flags={flags} />
            {added.length || removed.length ? (
              <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }} data-testid="flags-changed">
                {[
                  added.length ? t('visits.form.flagsAdded', { ids: added.join(' ') }) : '',
                  removed.length ? t('visits.form.flagsRemoved', { ids: removed.join(' ') }) : '',
                ]
                  .filter(Boolean)
                  .join('；')}
              </Typography.Paragraph>
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t('visits.form.noRules')}</Typography.Text>
        )}
      </Block>
    </>
  );
}
