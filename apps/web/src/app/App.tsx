import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { useLang } from '../i18n';
import { FullPageSpin } from '../ui/FullPageSpin';
import { themeFor } from '../ui/theme';
import { useIsMobile } from '../ui/use-is-mobile';
import { createRouter } from './router';

/** Providers: data cache, Ant Design in the chosen language and size, the router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(queryClient));
  const lang = useLang();
  const mobile = useIsMobile();
  const theme = useMemo(() => themeFor(mobile), [mobile]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} componentSize={mobile ? 'large' : 'middle'}>
        <AntApp>
          <Suspense fallback={<FullPageSpin />}>
            <RouterProvider router={router} />
          </Suspense>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
