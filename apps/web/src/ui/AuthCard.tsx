import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { PRIMARY } from './theme';

/**
 * The centred card of the pages outside the shell: login and the forced password change.
 * Plain elements rather than antd's Card and Typography: the login page is the first load on a
 * village phone, and Card alone would bring Tabs along.
 */
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
        padding: '16px 12px 32px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', width: '100%', maxWidth: 420 }}>
        <LanguageSwitch />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', margin: '12px 0 20px' }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div style={{ fontSize: 22, fontWeight: 600, marginTop: 8 }}>{t('app.fullName')}</div>
        <div style={{ opacity: 0.85, marginTop: 4 }}>{t('app.subtitle')}</div>
      </div>
      <main
        style={{
          width: '100%',
          maxWidth: 420,
          boxSizing: 'border-box',
          background: '#fff',
          borderRadius: 8,
          padding: 24,
          boxShadow: '0 6px 24px rgba(0, 0, 0, 0.25)',
        }}
      >
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 16px' }}>{title}</h1>
        {children}
      </main>
    </div>
  );
}
