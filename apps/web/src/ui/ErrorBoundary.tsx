import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Crashed() {
  const { t } = useTranslation();
  return (
    <div role="alert" style={{ padding: '48px 16px', textAlign: 'center' }}>
      <p style={{ fontSize: 16, margin: '0 0 16px' }}>{t('errors.crashed')}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </Button>
    </div>
  );
}

/**
 * Catches what would otherwise blank the screen: above all a page's code failing to download on a
 * weak signal (or after an update replaced it). Reloading fetches it afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error(error);
  }

  override render() {
    return this.state.error ? <Crashed /> : this.props.children;
  }
}
