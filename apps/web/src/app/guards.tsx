/**
 * Route guards. A page needs a session; a person who must change their password goes nowhere
 * else; a page whose permission the person lacks shows 403 and fires no request.
 */
import type { Permission } from '@fupin/domain';
import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { hasPermission, useMe } from '../modules/auth/api';
import { withNext } from '../modules/auth/next-path';
import { FullPageSpin } from '../ui/FullPageSpin';

// Rarely shown, and antd's Result carries large pictures: loaded only when needed.
const Forbidden = lazy(() => import('../ui/Forbidden').then((m) => ({ default: m.Forbidden })));
const QueryError = lazy(() => import('../ui/QueryError').then((m) => ({ default: m.QueryError })));

/** Renders its children for a signed-in person; otherwise sends them to log in, keeping the path. */
export function RequireSession({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  const me = useMe();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (me.isPending) return <FullPageSpin />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={withNext('/login', here)} replace />;
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.user.mustChangePassword && !passwordChangePage) return <Navigate to={withNext('/change-password', here)} replace />;
  return children;
}

/** Renders the page when the person holds its permission, a 403 result otherwise. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return hasPermission(me.data, permission) ? children : <Forbidden />;
}
