/**
 * Routes. Every page is its own chunk (React.lazy), so the login page loads without the code of
 * the tables and trees behind it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { onAuthFailure } from '../api/client';
import { withNext } from '../modules/auth/next-path';
import { RequirePermission, RequireSession } from './guards';
import { Shell } from './Shell';

const LoginPage = lazy(() => import('../pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('../pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const HomePage = lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() => import('../pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => import('../pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function createRouter(queryClient: QueryClient) {
  const router = createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/change-password',
      element: (
        <RequireSession passwordChangePage>
          <ChangePasswordPage />
        </RequireSession>
      ),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'admin/units',
          element: (
            <RequirePermission permission="unit.read">
              <UnitsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'admin/users',
          element: (
            <RequirePermission permission="user.read">
              <UsersPage />
            </RequirePermission>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          ),
        },
        { path: 'account', element: <AccountPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);

  // A request anywhere that finds the session gone sends the person to log in, keeping the page
  // they were on; a forced password change sends them to change it first.
  onAuthFailure((failure) => {
    const { pathname, search } = router.state.location;
    const here = `${pathname}${search}`;
    if (failure === 'unauthenticated') {
      if (pathname === '/login') return;
      void router.navigate(withNext('/login', here), { replace: true }).then(() => queryClient.removeQueries());
    } else if (pathname !== '/change-password') {
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void router.navigate(withNext('/change-password', here), { replace: true });
    }
  });
  return router;
}
