import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { type ProblemDetail, useRecordProblem } from '../api';
import { HouseholdSelect } from '../common/SearchSelects';
import { useProblemLabels } from '../labels';

interface Values {
  unitId: string;
  category: string;
  source: string;
  description: string;
  householdId: string | null;
  deadline: Dayjs | null;
}

interface Props {
  townshipId: string;
  townshipName: string;
  villages: readonly { id: string; name: string }[];
  campaignId: string | null;
  onClose: () => void;
  onSaved: (d: ProblemDetail) => void;
}

/** 登记问题: a problem found outside the checklists, recorded by hand (retry-safe by its id). */
export function RecordProblemModal({ townshipId, townshipName, villages, campaignId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const record = useRecordProblem();
  const unitId = Form.useWatch('unitId', form);
  const villageId = unitId && unitId !== townshipId ? unitId : null;

  const submit = (v: Values) =>
    record.mutate(
      {
        id,
        unitId: v.unitId,
        campaignId,
        householdId: villageId ? (v.householdId ?? null) : null,
        source: v.source,
        category: v.category,
        description: v.description.trim(),
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: (d) => {
          void message.success(t('problems.done.record'));
          onSaved(d);
        },
        onError: (e) => report(e, form),
      },
    );

  return (
    <Modal
      open
      title={t('problems.recordTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="record-problem"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: 'sector_inspection', unitId: villages.length === 1 ? villages[0]?.id : undefined }}
      >
        <Form.Item
          name="unitId"
          label={t('problems.form.unit')}
          rules={[{ required: true, message: t('problems.form.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              ...villages.map((v) => ({ value: v.id, label: v.name })),
              { value: townshipId, label: `${townshipName}（${t('problems.levelTownship')}）` },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('problems.category')}
          rules={[{ required: true, message: t('problems.form.categoryRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={labels.categoryOptions} />
        </Form.Item>
        <Form.Item name="source" label={t('problems.source')} rules={[{ required: true }]}>
          <Select options={labels.sourceOptions} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('problems.description')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('problems.form.descriptionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {villageId ? (
          <Form.Item name="householdId" label={t('problems.household')}>
            <HouseholdSelect villageId={villageId} placeholder={t('problems.form.householdPlaceholder')} />
          </Form.Item>
        ) : null}
        <Form.Item name="deadline" label={t('problems.deadline')} extra={t('problems.form.deadlineHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
