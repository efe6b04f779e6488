import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner while the session or a page's code loads. */
export function FullPageSpin({ fullHeight = true }: { fullHeight?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: fullHeight ? '100vh' : 240 }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}
