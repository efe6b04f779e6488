/**
 * One's own notifications (contract: apps/server/src/modules/notifications/routes.ts, schemas in
 * @fupin/domain): the unread badge polled modestly, the list, marking read one or all.
 */
import type { NotificationItem } from '@fupin/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type { NotificationItem };

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
}

const unreadKey = ['notifications', 'unread'] as const;
const listKey = ['notifications', 'list'] as const;

/** Once a minute, and whenever the window comes back to the front: enough for deadlines counted in days. */
export const POLL_MS = 60_000;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/me/notifications/unread-count', { signal }),
    select: (d) => d.unread,
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
    // A badge that failed to load stays empty; the next poll tries again.
    retry: false,
  });
}

export function useNotifications(query: { unread?: boolean; limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/api/me/notifications', {
        signal,
        query: { unread: query.unread ? 'true' : undefined, limit: query.limit, offset: query.offset },
      }),
    placeholderData: keepPreviousData,
    enabled,
    refetchOnWindowFocus: true,
  });
}

/** After a mark: the badge takes the count the server answered; the lists refresh. */
function useAfterMark() {
  const client = useQueryClient();
  return (unread: number) => {
    client.setQueryData(unreadKey, { unread });
    void client.invalidateQueries({ queryKey: listKey });
  };
}

export function useMarkRead() {
  const after = useAfterMark();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread: number }>(`/api/me/notifications/${id}/read`),
    onSuccess: (r) => after(r.unread),
  });
}

export function useMarkAllRead() {
  const after = useAfterMark();
  return useMutation({
    mutationFn: () => api.post<{ unread: number; marked: number }>('/api/me/notifications/read-all'),
    onSuccess: (r) => after(r.unread),
  });
}
