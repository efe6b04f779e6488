import { translate } from '@fupin/domain';
import type { Unit } from '@fupin/domain/schemas/org';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useDomainLabels } from '../../i18n';
import { useCreateUnit, useUpdateUnit } from './api';

interface Values {
  name: string;
  code: string;
  sortOrder: number | null;
}

export type UnitFormTarget = { mode: 'edit'; unit: Unit } | { mode: 'create'; parent: Unit; kind: Unit['kind'] };

/**
 * Edit a unit, or add a child under one. Mounted only while open, so each opening makes one id
 * for its create and a second press of 保存 after a lost answer cannot add the unit twice.
 */
export function UnitFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UnitFormTarget;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const editing = target.mode === 'edit' ? target.unit : null;
  const kind = target.mode === 'edit' ? target.unit.kind : target.kind;

  const onFinish = (v: Values) => {
    const code = v.code.trim() === '' ? null : v.code.trim();
    const handlers = {
      onSuccess: (unit: Unit) => {
        void message.success(editing ? t('common.saved') : t('units.created', { name: unit.name }));
        onSaved(unit);
      },
      onError: (err: unknown) => report(err, form),
    };
    if (editing) update.mutate({ id: editing.id, patch: { name: v.name, code, sortOrder: v.sortOrder ?? 0 } }, handlers);
    else if (target.mode === 'create')
      create.mutate({ id, parentId: target.parent.id, name: v.name, code, sortOrder: v.sortOrder ?? 0 }, handlers);
  };

  return (
    <Modal
      open
      title={
        target.mode === 'edit'
          ? t('units.editTitle')
          : t('units.addChildTitle', { parent: target.parent.name, kind: labels.kind(kind) })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        name="unit"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ name: editing?.name ?? '', code: editing?.code ?? '', sortOrder: editing?.sortOrder ?? 0 }}
        data-testid="unit-form"
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 60 }]}
        >
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('units.code')}
          extra={t('units.codeHelp')}
          rules={[{ pattern: /^\s*(\d{12})?\s*$/, message: translate(labels.lang, 'issue.division_code') }]}
        >
          <Input inputMode="numeric" maxLength={12} placeholder={t('units.codePlaceholder')} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')} extra={t('units.sortHelp')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
