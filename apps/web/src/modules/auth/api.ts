/** Reads and writes of one's own session and account: login, logout, /api/me, password, sessions. */
import type { Permission } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const meKey = ['me'] as const;
const sessionsKey = ['me', 'sessions'] as const;

export interface LiveSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in account with its roles and permissions; a 401 here means "not signed in". */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api.get<Me>('/api/me', { signal, redirectOnAuthFailure: false }),
    staleTime: 60_000,
  });
}

/** Whether the signed-in account holds a permission (the same names the server checks). */
export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export function useLogin() {
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api.post<{ mustChangePassword: boolean }>('/api/auth/login', input, { redirectOnAuthFailure: false }),
  });
}

export function useLogout() {
  return useMutation({ mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOnAuthFailure: false }) });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', input),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api.get<{ items: LiveSession[] }>('/api/me/sessions', { signal }),
    select: (data) => data.items,
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/sessions/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}
