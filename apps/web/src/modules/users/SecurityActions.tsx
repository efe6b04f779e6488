import { KeyOutlined, LogoutOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '@fupin/domain/schemas/users';
import { App, Button, Flex, Form, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { useResetPassword, useRevokeUserSessions, useUnlockUser } from './api';
import { InitialPasswordField } from './InitialPasswordField';
import { generatePassword } from './password';

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const report = useReportError();
  const { message } = App.useApp();
  const onFinish = ({ password }: { password: string }) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.resetDone'));
          onClose();
        },
        onError: (err) => report(err, form),
      },
    );
  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
    >
      <Form
        name="reset-password"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ password: generatePassword() }}
      >
        <InitialPasswordField formName="reset-password" help={t('users.resetPasswordHelp')} />
      </Form>
    </Modal>
  );
}

/** 重置密码, 解锁, 强制下线 on one account. */
export function SecurityActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const unlock = useUnlockUser();
  const revoke = useRevokeUserSessions();
  const report = useReportError();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('users.securityHint')}
      </Typography.Paragraph>
      <Button icon={<KeyOutlined />} onClick={() => setResetting(true)} block>
        {t('users.resetPassword')}
      </Button>
      <Button
        icon={<UnlockOutlined />}
        disabled={!user.locked}
        loading={unlock.isPending}
        onClick={() =>
          unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlockDone')), onError: (err) => report(err) })
        }
        block
      >
        {user.locked ? t('users.unlock') : `${t('users.unlock')}（${t('users.notLocked')}）`}
      </Button>
      <Popconfirm
        title={t('users.revokeConfirm', { name: user.displayName })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          revoke.mutate(user.id, {
            onSuccess: ({ revoked }) => void message.success(t('users.revokeDone', { count: revoked })),
            onError: (err) => report(err),
          })
        }
      >
        <Button danger icon={<LogoutOutlined />} loading={revoke.isPending} block>
          {t('users.revokeSessions')}
        </Button>
      </Popconfirm>
      {resetting ? <ResetPasswordModal user={user} onClose={() => setResetting(false)} /> : null}
    </Flex>
  );
}
