import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES builds: `antd/locale/*` re-exports the CommonJS copy and would ship antd twice.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Suspense, useMemo, useState } from 'react';
import { createQueryClient } from '../api/query-client';
import { useLang } from '../i18n';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { FullPageSpin } from '../ui/FullPageSpin';
import { themeFor } from '../ui/theme';
import { useIsMobile } from '../ui/use-is-mobile';
import { AppRoutes } from './router';

/** Providers: data cache, Ant Design in the chosen language and size, the router (antd's App is in the shell). */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const lang = useLang();
  const mobile = useIsMobile();
  const theme = useMemo(() => themeFor(mobile), [mobile]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={lang === 'en' ? enUS : zhCN}
        theme={theme}
        componentSize={mobile ? 'large' : 'middle'}
        button={{ autoInsertSpace: false }}
      >
        <ErrorBoundary>
          <Suspense fallback={<FullPageSpin />}>
            <AppRoutes />
          </Suspense>
        </ErrorBoundary>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
