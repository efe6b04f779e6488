/** One member in 查: confirmed present (with their details checked against the registry), gone, or new. */
import {
  EMPLOYMENTS,
  HEALTH_STATUSES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_CHECKS,
  OBSERVABLE_MEMBER_FIELDS,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
  shanghaiDate,
  translate,
} from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Button, Collapse, DatePicker, Flex, Form, Input, InputNumber, Segmented, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoDateItem, TriState } from '../../registry/form/controls';
import { idNumberFeedback } from '../../registry/id-number';
import type { Vocabulary } from '../../registry/labels';
import { useVisitLabels } from '../labels';
import { ObservedItem } from './controls';
import { type MemberRow, plain } from './model';

type Member = Household['members'][number];
const GONE = ['moved_out', 'died', 'married_out'] as const;
const SELECTS = {
  maritalStatus: MARITAL_STATUSES,
  labourCapacity: LABOUR_CAPACITIES,
  health: HEALTH_STATUSES,
  schoolingStage: SCHOOLING_STAGES,
  employment: EMPLOYMENTS,
} as const;

function ChangeFields({ index }: { index: number }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Form.Item name={[index, 'date']} label={t('visits.form.memberDate')} {...isoDateItem} style={{ flex: '1 1 150px' }}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name={[index, 'note']} label={t('visits.form.memberNote')} style={{ flex: '2 1 200px' }}>
        <Input maxLength={500} />
      </Form.Item>
    </Flex>
  );
}

/** A member the registry has: 在户 / 迁出 / 死亡 / 婚出, and when present their details as found. */
export function KnownMember({ index, member }: { index: number; member: Member }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const row = Form.useWatch(['members', index], { preserve: true }) as MemberRow | undefined;
  const check = row?.check ?? 'present';
  const differences = row
    ? OBSERVABLE_MEMBER_FIELDS.filter((f) => JSON.stringify(plain(row[f])) !== JSON.stringify(plain(member[f]))).length
    : 0;
  const options = (['present', ...GONE] as const).map((c) => ({ value: c, label: labels.code(MEMBER_CHECKS, c) }));
  return (
    <div data-testid="member-panel" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 12 }}>
      <Flex justify="space-between" align="center" wrap gap={4} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {member.name}
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {' '}
            · {labels.code(RELATIONS, member.relation)}
            {member.age !== null ? ` · ${t('registry.member.ageValue', { age: member.age })}` : ''}
          </Typography.Text>
        </Typography.Text>
        {differences > 0 && check === 'present' ? (
          <Tag color="orange">{t('visits.form.differences', { count: differences })}</Tag>
        ) : null}
      </Flex>
      <Form.Item name={[index, 'check']} style={{ marginBottom: 8 }}>
        <Segmented options={options} block data-testid="member-check" />
      </Form.Item>
      {check === 'present' ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'details',
              label: t('visits.form.memberFields'),
              children: (
                <>
                  {(Object.keys(SELECTS) as (keyof typeof SELECTS)[]).map((f) => (
                    <ObservedItem
                      key={f}
                      name={[index, f]}
                      watch={['members', index, f]}
                      field={f}
                      registry={member[f]}
                      label={labels.field(f)}
                    >
                      <Select options={labels.options(SELECTS[f] as Vocabulary)} allowClear />
                    </ObservedItem>
                  ))}
                  <ObservedItem
                    name={[index, 'disabilityGrade']}
                    watch={['members', index, 'disabilityGrade']}
                    field="disabilityGrade"
                    registry={member.disabilityGrade}
                    label={labels.field('disabilityGrade')}
                  >
                    <InputNumber min={1} max={4} precision={0} style={{ width: '100%' }} />
                  </ObservedItem>
                  {(['medicalInsurance', 'seriousIllnessInsurance', 'pensionInsurance'] as const).map((f) => (
                    <ObservedItem
                      key={f}
                      name={[index, f]}
                      watch={['members', index, f]}
                      field={f}
                      registry={member[f]}
                      label={labels.field(f)}
                    >
                      <TriState />
                    </ObservedItem>
                  ))}
                </>
              ),
            },
          ]}
        />
      ) : (
        <ChangeFields index={index} />
      )}
    </div>
  );
}

/** Someone new: born or married in, with an optional ID number that fills sex and birth date. */
export function NewMember({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const form = Form.useFormInstance();
  const today = shanghaiDate(new Date());
  const onId = (raw: string) => {
    const feedback = idNumberFeedback(raw, today, false);
    if (feedback.state === 'ok') {
      form.setFieldValue(['members', index, 'sex'], feedback.facts.sex);
      form.setFieldValue(['members', index, 'birthDate'], feedback.facts.birthDate);
    }
  };
  return (
    <div data-testid="new-member" style={{ background: '#f6ffed', borderRadius: 8, padding: 12, marginBottom: 12 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('visits.form.newMember')}</Typography.Text>
        <Button size="small" danger onClick={onRemove}>
          {t('visits.form.remove')}
        </Button>
      </Flex>
      <Form.Item name={[index, 'check']}>
        <Segmented
          block
          options={(['born', 'married_in'] as const).map((c) => ({ value: c, label: labels.code(MEMBER_CHECKS, c) }))}
        />
      </Form.Item>
      <Form.Item
        name={[index, 'name']}
        label={t('visits.form.memberName')}
        rules={[{ required: true, whitespace: true, message: t('visits.form.nameRequired') }]}
      >
        <Input maxLength={40} data-testid="new-member-name" />
      </Form.Item>
      <Form.Item
        name={[index, 'idNumber']}
        label={labels.field('idNumber')}
        validateTrigger="onBlur"
        rules={[
          {
            validator: async (_r, value: string | null) => {
              const feedback = idNumberFeedback(value, today, true);
              if (feedback.state === 'error') throw new Error(translate(labels.lang, feedback.key));
            },
          },
        ]}
        extra={t('common.optional')}
      >
        <Input maxLength={18} onChange={(e) => onId(e.target.value)} data-testid="new-member-id" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item
          name={[index, 'sex']}
          label={labels.field('sex')}
          style={{ flex: '1 1 120px' }}
          rules={[{ required: true, message: t('visits.form.sexRequired') }]}
        >
          <Select options={labels.options(SEXES)} />
        </Form.Item>
        <Form.Item name={[index, 'relation']} label={labels.field('relation')} style={{ flex: '1 1 140px' }}>
          <Select options={labels.options(RELATIONS)} />
        </Form.Item>
      </Flex>
      <Flex gap={8} wrap>
        <Form.Item name={[index, 'birthDate']} label={labels.field('birthDate')} {...isoDateItem} style={{ flex: '1 1 150px' }}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name={[index, 'date']} label={t('visits.form.memberDate')} {...isoDateItem} style={{ flex: '1 1 150px' }}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Flex>
    </div>
  );
}
