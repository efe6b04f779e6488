import { HOUSING_GRADES, HOUSING_STRUCTURES } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVisitLabels } from '../labels';
import { Block, ObservedItem, YesNo } from './controls';

/** 看 look: the house as seen, the address and phone, a hazard point nearby. */
export function LookStep({ h }: { h: Household }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  return (
    <>
      <Block title={t('visits.form.housingTitle')} testId="step-look">
        <ObservedItem
          name={['housing', 'structure']}
          field="housingStructure"
          registry={h.housingStructure}
          label={labels.field('housingStructure')}
        >
          <Select options={labels.options(HOUSING_STRUCTURES)} allowClear data-testid="housing-structure" />
        </ObservedItem>
        <ObservedItem
          name={['housing', 'grade']}
          field="housingGrade"
          registry={h.housingGrade}
          label={labels.field('housingGrade')}
        >
          <Select options={labels.options(HOUSING_GRADES)} allowClear data-testid="housing-grade" />
        </ObservedItem>
        <ObservedItem
          name={['housing', 'otherSafeHouse']}
          field="otherSafeHouse"
          registry={h.otherSafeHouse}
          label={labels.field('otherSafeHouse')}
        >
          <YesNo />
        </ObservedItem>
        <ObservedItem name="hazardPoint" field="hazardPoint" registry={h.hazardPoint} label={labels.field('hazardPoint')}>
          <Input maxLength={100} placeholder={t('visits.form.hazardPlaceholder')} />
        </ObservedItem>
        <Form.Item name={['housing', 'note']} label={t('visits.form.housingNote')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Block>
      <Block title={t('visits.form.contactTitle')}>
        <ObservedItem name="address" field="address" registry={h.address} label={labels.field('address')}>
          <Input maxLength={200} />
        </ObservedItem>
        <ObservedItem name="phone" field="phone" registry={h.phone} label={labels.field('phone')}>
          <Input maxLength={20} inputMode="tel" />
        </ObservedItem>
      </Block>
    </>
  );
}
