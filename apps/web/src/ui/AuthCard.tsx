import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { PRIMARY } from './theme';

/** The centred card of the pages outside the shell: login and the forced password change. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        minHeight: '100vh',
        background: `linear-gradient(160deg, ${PRIMARY} 0%, #5c0011 100%)`,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '24px 12px',
        boxSizing: 'border-box',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420 }}>
        <LanguageSwitch />
      </Flex>
      <div style={{ textAlign: 'center', color: '#fff', margin: '16px 0 20px' }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div style={{ fontSize: 22, fontWeight: 600, marginTop: 8 }}>{t('app.fullName')}</div>
        <div style={{ opacity: 0.85, marginTop: 4 }}>{t('app.subtitle')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
