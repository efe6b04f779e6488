import { perCapitaIncome, totalIncome } from '@fupin/domain';
import { Col, Descriptions, Form, type FormInstance, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HouseholdValues } from '../form-values';
import { useRegistryLabels } from '../labels';
import { col } from './controls';

const ITEMS = ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome'] as const;

/** 收入: the year and four items; the total and the per-capita figure follow as they are typed. */
export function IncomeFields({ form }: { form: FormInstance<HouseholdValues> }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const values = Form.useWatch([], form) as Partial<HouseholdValues> | undefined;
  const items = {
    wageIncome: values?.wageIncome ?? 0,
    businessIncome: values?.businessIncome ?? 0,
    propertyIncome: values?.propertyIncome ?? 0,
    transferIncome: values?.transferIncome ?? 0,
  };
  const current = (values?.members ?? []).filter((m) => m?.status === 'current').length;
  const perCapita = perCapitaIncome(items, current);
  return (
    <>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="incomeYear" label={labels.field('incomeYear')}>
            <InputNumber min={2013} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {ITEMS.map((key) => (
          <Col {...col} key={key}>
            <Form.Item name={key} label={labels.field(key)}>
              <InputNumber
                min={key === 'businessIncome' ? -100_000_000 : 0}
                max={100_000_000}
                precision={2}
                step={100}
                inputMode="decimal"
                suffix={t('registry.form.yuan')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'total', label: t('registry.income.total'), children: labels.yuan(totalIncome(items)) },
          {
            key: 'perCapita',
            label: t('registry.income.perCapita'),
            children:
              perCapita === null
                ? t('registry.income.noCurrent')
                : `${labels.yuan(perCapita)}（${t('registry.income.rule', { count: current })}）`,
          },
        ]}
      />
    </>
  );
}
