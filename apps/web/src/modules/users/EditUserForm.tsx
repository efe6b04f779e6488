import type { UpdateUserInput, User } from '@fupin/domain/schemas/users';
import { App, Button, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { useUnitPermission } from '../org/access';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { useUpdateUser } from './api';
import { useTownshipOf, WorkUnitSelect } from './WorkUnitSelect';

interface Values {
  displayName: string;
  phone: string;
  homeUnitId: string;
  workUnitId: string | null | undefined;
  disabled: boolean;
}

/** Name, mobile, home unit, 派出单位 and the disabled switch; only what changed is sent. */
export function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const report = useReportError();
  const may = useUnitPermission();
  const { message } = App.useApp();
  const townshipOf = useTownshipOf();
  const township = townshipOf(Form.useWatch('homeUnitId', form) ?? user.homeUnitId);
  const ownTownship = township === townshipOf(user.homeUnitId);

  const onFinish = (v: Values) => {
    const patch: UpdateUserInput = {};
    if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
    if ((v.phone.trim() || null) !== user.phone) patch.phone = v.phone.trim() || null;
    if (v.homeUnitId !== user.homeUnitId) patch.homeUnitId = v.homeUnitId;
    if ((v.workUnitId ?? null) !== user.workUnitId) patch.workUnitId = v.workUnitId ?? null;
    if (v.disabled !== user.disabled) patch.disabled = v.disabled;
    if (Object.keys(patch).length === 0) {
      void message.info(t('common.saved'));
      return;
    }
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => report(err, form),
      },
    );
  };

  return (
    <Form
      key={user.id}
      name="edit-user"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      // Another township's 派出单位 would be refused: moving the account to another township clears it.
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.homeUnitId !== undefined && townshipOf(changed.homeUnitId) !== township)
          form.setFieldValue('workUnitId', null);
      }}
      initialValues={{
        displayName: user.displayName,
        phone: user.phone ?? '',
        homeUnitId: user.homeUnitId,
        workUnitId: user.workUnitId,
        disabled: user.disabled,
      }}
      data-testid="edit-user-form"
    >
      <Form.Item label={t('users.username')}>
        <Input value={user.username} disabled />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="phone" label={`${t('users.phone')}（${t('common.optional')}）`}>
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="homeUnitId" label={t('users.homeUnit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect allowClear={false} isDisabled={(u) => !may('user.manage', u)} />
      </Form.Item>
      <Form.Item name="workUnitId" label={t('users.workUnit')} extra={t('users.workUnitHelp')}>
        <WorkUnitSelect
          townshipId={township}
          current={ownTownship && user.workUnitId && user.workUnitName ? { id: user.workUnitId, name: user.workUnitName } : null}
        />
      </Form.Item>
      <Form.Item name="disabled" label={t('users.disabled')} extra={t('users.disabledHelp')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
