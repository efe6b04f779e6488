import type { User } from '@fupin/domain/schemas/users';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useUnitPermission } from '../org/access';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { useCreateUser } from './api';
import { InitialPasswordField } from './InitialPasswordField';
import { generatePassword } from './password';
import { useTownshipOf, WorkUnitSelect } from './WorkUnitSelect';

interface Values {
  username: string;
  displayName: string;
  phone: string;
  homeUnitId: string | undefined;
  workUnitId: string | null | undefined;
  password: string;
}

/** A new account with an initial password the person must change at first login. */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // One id per opening of this form: pressing 保存 again after a lost answer cannot make two accounts.
  const [id] = useState(newId);
  const create = useCreateUser();
  const report = useReportError();
  const may = useUnitPermission();
  const { message } = App.useApp();
  const townshipOf = useTownshipOf();
  const township = townshipOf(Form.useWatch('homeUnitId', form));

  const onFinish = (v: Values) =>
    create.mutate(
      {
        id,
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        phone: v.phone.trim() || null,
        homeUnitId: v.homeUnitId ?? '',
        workUnitId: v.workUnitId ?? null,
        password: v.password,
      },
      {
        onSuccess: (user) => {
          void message.success(t('users.created', { name: user.displayName }));
          onCreated(user);
        },
        onError: (err) => report(err, form),
      },
    );

  return (
    <Form
      name="create-user"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      // Another township's 派出单位 would be refused: a new home unit starts the choice again.
      onValuesChange={(changed: Partial<Values>) => {
        if ('homeUnitId' in changed && townshipOf(changed.homeUnitId) !== township) form.setFieldValue('workUnitId', null);
      }}
      initialValues={{
        username: '',
        displayName: '',
        phone: '',
        homeUnitId: undefined,
        workUnitId: null,
        password: generatePassword(),
      }}
      data-testid="create-user-form"
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={t('users.usernameHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={32} autoCapitalize="none" autoCorrect="off" spellCheck={false} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={`${t('users.phone')}（${t('common.optional')}）`}>
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="homeUnitId" label={t('users.homeUnit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect isDisabled={(u) => !may('user.manage', u)} placeholder={t('users.homeUnit')} />
      </Form.Item>
      <Form.Item name="workUnitId" label={t('users.workUnit')} extra={t('users.workUnitHelp')}>
        <WorkUnitSelect townshipId={township} />
      </Form.Item>
      <InitialPasswordField formName="create-user" help={t('users.initialPasswordHelp')} />
      <Button type="primary" htmlType="submit" block loading={create.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
