import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useLogout, useMe } from '../modules/auth/api';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { AppLayout } from '../ui/AppLayout';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { FullPageSpin } from '../ui/FullPageSpin';
import { navFor, selectedNavKey } from './nav';

function ShellFrame() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const logout = useLogout();
  const { message } = App.useApp();
  if (!me.data) return null;

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: async (_data, error) => {
        // A session that is already gone counts as logged out; a network failure does not.
        if (error instanceof ApiError && error.status === 0) {
          void message.error(error.message);
          return;
        }
        await navigate('/login', { replace: true });
        client.clear();
      },
    });

  return (
    <AppLayout
      nav={navFor(me.data, t)}
      selectedKey={selectedNavKey(location.pathname)}
      onNavigate={(key) => void navigate(key)}
      userName={me.data.user.displayName}
      onAccount={() => void navigate('/account')}
      onLogout={onLogout}
      headerExtra={<NotificationBell />}
    >
      {/* Keyed by page: a page that failed does not keep the next one from showing. */}
      <ErrorBoundary key={location.pathname}>
        <Suspense fallback={<FullPageSpin fullHeight={false} />}>
          <Outlet />
        </Suspense>
      </ErrorBoundary>
    </AppLayout>
  );
}

/**
 * The signed-in frame: menu by permission, user menu, and the current page. Ant Design's App
 * (toasts, dialogs) lives here rather than at the root: the login page does without its ~20 kB.
 */
export function Shell() {
  return (
    <App>
      <ShellFrame />
    </App>
  );
}
