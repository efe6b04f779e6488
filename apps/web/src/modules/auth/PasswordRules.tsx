import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The three password rules, each ticked as the new password meets it. */
export function PasswordRules({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const rules = [
    { label: t('password.ruleLength'), ok: password.length >= 8 },
    { label: t('password.ruleMix'), ok: /[A-Za-z]/.test(password) && /\d/.test(password) },
    {
      label: t('password.ruleUsername'),
      ok: password.length > 0 && !(username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())),
    },
  ];
  return (
    <div style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }} data-testid="password-rules">
      <Typography.Text strong>{t('password.rulesTitle')}</Typography.Text>
      {rules.map((r) => (
        <Flex key={r.label} gap={8} align="center" style={{ marginTop: 4 }}>
          {r.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <MinusCircleOutlined style={{ color: '#bfbfbf' }} />}
          <Typography.Text type={r.ok ? 'success' : 'secondary'}>{r.label}</Typography.Text>
        </Flex>
      ))}
    </div>
  );
}
