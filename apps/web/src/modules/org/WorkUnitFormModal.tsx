import type { Unit, WorkUnit } from '@fupin/domain/schemas/org';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useCreateWorkUnit, useUpdateWorkUnit } from './api';

interface Values {
  name: string;
  headName: string;
  headTitle: string;
  headPhone: string;
  sortOrder: number | null;
}

export type WorkUnitFormTarget = { mode: 'edit'; workUnit: WorkUnit } | { mode: 'create'; township: Unit };

/** '' (a cleared field) is sent as null, which clears the head's field on the server. */
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * Add a 派出单位 to a township, or edit one with its head. Mounted only while open, so each
 * opening makes one id for its create and a second press of 保存 cannot add the unit twice.
 */
export function WorkUnitFormModal({ target, onClose }: { target: WorkUnitFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const create = useCreateWorkUnit();
  const update = useUpdateWorkUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const editing = target.mode === 'edit' ? target.workUnit : null;

  const onFinish = (v: Values) => {
    const fields = {
      name: v.name.trim(),
      headName: orNull(v.headName),
      headTitle: orNull(v.headTitle),
      headPhone: orNull(v.headPhone),
      sortOrder: v.sortOrder ?? 0,
    };
    const handlers = {
      onSuccess: (saved: WorkUnit) => {
        void message.success(editing ? t('common.saved') : t('workUnits.created', { name: saved.name }));
        onClose();
      },
      onError: (err: unknown) => report(err, form),
    };
    if (editing) update.mutate({ id: editing.id, patch: fields }, handlers);
    else if (target.mode === 'create') create.mutate({ id, townshipId: target.township.id, ...fields }, handlers);
  };

  return (
    <Modal
      open
      title={editing ? t('workUnits.editTitle') : t('workUnits.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        name="work-unit"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          name: editing?.name ?? '',
          headName: editing?.headName ?? '',
          headTitle: editing?.headTitle ?? '',
          headPhone: editing?.headPhone ?? '',
          sortOrder: editing?.sortOrder ?? 0,
        }}
        data-testid="work-unit-form"
      >
        <Form.Item
          name="name"
          label={t('workUnits.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 60 }]}
        >
          <Input maxLength={60} placeholder={t('workUnits.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="headName"
          label={`${t('workUnits.headName')}（${t('common.optional')}）`}
          extra={t('workUnits.headHelp')}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="headTitle" label={`${t('workUnits.headTitle')}（${t('common.optional')}）`}>
          <Input maxLength={30} placeholder={t('workUnits.headTitlePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="headPhone" label={`${t('workUnits.headPhone')}（${t('common.optional')}）`}>
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('workUnits.sortOrder')} extra={t('units.sortHelp')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
