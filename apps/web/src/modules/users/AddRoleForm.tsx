import { ROLE_DEFINITIONS, ROLES, type Role, SECTORS, type Sector } from '@fupin/domain';
import type { User } from '@fupin/domain/schemas/users';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useDomainLabels } from '../../i18n';
import { useUnitPermission } from '../org/access';
import { useUnits } from '../org/api';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { useAssignRole } from './api';

interface Values {
  unitId: string | undefined;
  role: Role | undefined;
  sector: Sector | undefined;
  title: string;
}

/**
 * Assign a role on a unit. The role list holds only roles assignable on the chosen unit's level
 * (ROLE_DEFINITIONS[role].assignableOn), and the sector appears for roles that need one.
 */
export function AddRoleForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [form] = Form.useForm<Values>();
  const [id, setId] = useState(newId);
  const units = useUnits();
  const may = useUnitPermission();
  const assign = useAssignRole();
  const report = useReportError();
  const { message } = App.useApp();
  const unitId = Form.useWatch('unitId', form);
  const role = Form.useWatch('role', form);
  const unit = units.data?.find((u) => u.id === unitId);
  const roles = unit ? ROLES.filter((r) => ROLE_DEFINITIONS[r].assignableOn.includes(unit.kind)) : [];
  const needsSector = role ? ROLE_DEFINITIONS[role].needsSector === true : false;

  const onFinish = (v: Values) =>
    assign.mutate(
      {
        userId: user.id,
        input: {
          id,
          role: v.role as Role,
          unitId: v.unitId ?? '',
          sector: needsSector ? (v.sector ?? null) : null,
          title: v.title.trim() || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('roles.added'));
          form.resetFields();
          // The next assignment is a new record with an id of its own.
          setId(newId());
        },
        onError: (err) => report(err, form),
      },
    );

  return (
    <Form
      name="add-role"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ unitId: undefined, role: undefined, sector: undefined, title: '' }}
    >
      <Typography.Title level={5}>{t('roles.add')}</Typography.Title>
      <Form.Item name="unitId" label={t('roles.unit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect
          isDisabled={(u) => !may('user.manage', u)}
          placeholder={t('roles.unit')}
          onChange={() => form.setFieldsValue({ role: undefined, sector: undefined })}
        />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('roles.role')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={unit && roles.length === 0 ? t('roles.noneAssignable') : undefined}
      >
        <Select<Role>
          disabled={!unit}
          placeholder={unit ? t('roles.role') : t('roles.chooseUnitFirst')}
          options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
        />
      </Form.Item>
      {needsSector ? (
        <Form.Item name="sector" label={t('roles.sector')} rules={[{ required: true, message: t('common.required') }]}>
          <Select<Sector> placeholder={t('roles.sector')} options={SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="title" label={`${t('roles.title')}（${t('common.optional')}）`}>
        <Input maxLength={30} placeholder={t('roles.titlePlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={assign.isPending}>
        {t('roles.add')}
      </Button>
    </Form>
  );
}
