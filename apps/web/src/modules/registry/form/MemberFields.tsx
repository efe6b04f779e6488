import {
  EMPLOYMENTS,
  HEALTH_STATUSES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_STATUSES,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
  translate,
} from '@fupin/domain';
import { Col, DatePicker, Form, type FormInstance, Input, Row, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HouseholdValues, MemberValues } from '../form-values';
import { idNumberFeedback } from '../id-number';
import { useRegistryLabels } from '../labels';
import { col, isoDateItem, TriState } from './controls';

interface Props {
  form: FormInstance<HouseholdValues>;
  /** the member's index in the form's list */
  index: number;
  today: string;
  mobile: boolean;
}

/** What the ID-number field says under itself: the sex and birth date it holds, once valid. */
function IdFacts({ form, index, today }: Omit<Props, 'mobile'>) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const value = Form.useWatch(['members', index, 'idNumber'], form) as string | undefined;
  const masked = Form.useWatch(['members', index, 'idMasked'], form) as boolean | undefined;
  if (masked) return <span>{t('registry.member.idMaskedHelp')}</span>;
  const feedback = idNumberFeedback(value, today, false);
  if (feedback.state !== 'ok') return null;
  return (
    <span data-testid="id-facts">
      {t('registry.member.idFromNumber', { sex: labels.code(SEXES, feedback.facts.sex), birthDate: feedback.facts.birthDate })}
    </span>
  );
}

/** One member's fields; the ID number fills sex and birth date as it is typed. */
export function MemberFields({ form, index, today, mobile }: Props) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const path = <F extends keyof MemberValues>(field: F) => ['members', index, field] as ['members', number, F];
  const status = Form.useWatch(path('status'), form) as string | undefined;
  const health = Form.useWatch(path('health'), form) as string | undefined;
  const masked = Form.useWatch(path('idMasked'), form) as boolean | undefined;
  const grade = Form.useWatch(path('disabilityGrade'), form) as number | null | undefined;
  const label = (field: string) => labels.field(`members.${field}`);
  const select = (field: string, vocabulary: Parameters<typeof labels.options>[0]) => (
    <Col {...col}>
      <Form.Item name={[index, field]} label={label(field)}>
        <Select allowClear options={labels.options(vocabulary)} placeholder={label(field)} />
      </Form.Item>
    </Col>
  );

  const onIdNumber = (raw: string) => {
    const feedback = idNumberFeedback(raw, today, false);
    if (feedback.state === 'ok') {
      form.setFieldValue(path('sex'), feedback.facts.sex);
      form.setFieldValue(path('birthDate'), feedback.facts.birthDate);
      void form.validateFields([path('sex'), path('birthDate')]).catch(() => undefined);
    }
    // A complete number (or a wrong character) is judged at once; a short one when the field is left.
    const errors = form.getFieldError(path('idNumber'));
    if (feedback.state !== 'typing' || errors.length > 0) void form.validateFields([path('idNumber')]).catch(() => undefined);
  };

  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item
          name={[index, 'name']}
          label={label('name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={40} autoComplete="off" data-testid="member-name" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={[index, 'idNumber']}
          label={label('idNumber')}
          validateTrigger="onBlur"
          extra={<IdFacts form={form} index={index} today={today} />}
          rules={[
            {
              validator: async (_, value: string) => {
                if (masked) return;
                const feedback = idNumberFeedback(value, today, true);
                if (feedback.state === 'error') throw new Error(translate(labels.lang, feedback.key));
              },
            },
          ]}
        >
          <Input
            maxLength={18}
            disabled={masked}
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onIdNumber(e.target.value)}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="member-id"
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={[index, 'relation']}
          label={label('relation')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={labels.options(RELATIONS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={[index, 'sex']} label={label('sex')}>
          <Segmented options={labels.options(SEXES)} block={mobile} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={[index, 'birthDate']} label={label('birthDate')} {...isoDateItem}>
          <DatePicker style={{ width: '100%' }} inputReadOnly={mobile} />
        </Form.Item>
      </Col>
      {select('maritalStatus', MARITAL_STATUSES)}
      {select('labourCapacity', LABOUR_CAPACITIES)}
      {select('health', HEALTH_STATUSES)}
      {health === 'disabled' || (grade ?? null) !== null ? (
        <Col {...col}>
          <Form.Item name={[index, 'disabilityGrade']} label={label('disabilityGrade')}>
            <Select
              allowClear
              options={[1, 2, 3, 4].map((g) => ({ value: g, label: t('registry.member.disability', { grade: g }) }))}
            />
          </Form.Item>
        </Col>
      ) : null}
      {select('schoolingStage', SCHOOLING_STAGES)}
      {select('employment', EMPLOYMENTS)}
      {(['medicalInsurance', 'seriousIllnessInsurance', 'pensionInsurance'] as const).map((field) => (
        <Col {...col} key={field}>
          <Form.Item name={[index, field]} label={label(field)}>
            <TriState />
          </Form.Item>
        </Col>
      ))}
      <Col {...col}>
        <Form.Item name={[index, 'status']} label={label('status')}>
          <Segmented options={labels.options(MEMBER_STATUSES)} block={mobile} />
        </Form.Item>
      </Col>
      {status && status !== 'current' ? (
        <Col {...col}>
          <Form.Item
            name={[index, 'statusDate']}
            label={label('statusDate')}
            extra={t('registry.form.statusDateHelp')}
            {...isoDateItem}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={mobile} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
