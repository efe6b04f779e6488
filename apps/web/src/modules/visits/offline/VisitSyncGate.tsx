/**
 * Mounted once beside the routes: for a signed-in person who files visit forms it loads the
 * outbox's sender (Dexie and all) and keeps it running on every page, so forms queued offline go
 * as soon as the app starts or the network returns. It only reads the session the guards already
 * asked for: the login page makes no request because of it, and loads none of its code.
 */
import type { Me } from '@fupin/domain/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { meKey } from '../../auth/api';

const BackgroundSync = lazy(() => import('./BackgroundSync').then((m) => ({ default: m.BackgroundSync })));

export function VisitSyncGate() {
  // Never fetches: the session probe of the guards fills this entry.
  const me = useQuery<Me>({ queryKey: meKey, enabled: false });
  if (!me.data?.permissions.includes('visit.submit')) return null;
  return (
    <Suspense fallback={null}>
      <BackgroundSync userId={me.data.user.id} />
    </Suspense>
  );
}
