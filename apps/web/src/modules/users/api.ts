/** Accounts and their roles: GET /api/users (paged) and the administrator's writes. */
import type { Role } from '@fupin/domain';
import type { AssignRoleInput, CreateUserInput, UpdateUserInput, User } from '@fupin/domain/schemas/users';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface UserListFilters {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

const listKey = ['users', 'list'] as const;
const oneKey = (id: string) => ['users', 'one', id] as const;

export function useUserList(filters: UserListFilters) {
  return useQuery({
    queryKey: [...listKey, filters],
    queryFn: ({ signal }) => api.get<{ items: User[]; total: number }>('/api/users', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: oneKey(id ?? ''),
    queryFn: ({ signal }) => api.get<User>(`/api/users/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** After a write that answers with the account: show the answer at once and refresh the list. */
function useStoreUser() {
  const client = useQueryClient();
  return (user: User) => {
    client.setQueryData(oneKey(user.id), user);
    void client.invalidateQueries({ queryKey: listKey });
    // A sending unit counts its cadres.
    void client.invalidateQueries({ queryKey: ['work-units'] });
  };
}

export function useCreateUser() {
  const store = useStoreUser();
  return useMutation({ mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input), onSuccess: store });
}

export function useUpdateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserInput }) => api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: store,
  });
}

export function useResetPassword() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<User>(`/api/users/${id}/reset-password`, { password }),
    onSuccess: store,
  });
}

export function useUnlockUser() {
  const store = useStoreUser();
  return useMutation({ mutationFn: (id: string) => api.post<User>(`/api/users/${id}/unlock`), onSuccess: store });
}

export function useRevokeUserSessions() {
  return useMutation({ mutationFn: (id: string) => api.post<{ revoked: number }>(`/api/users/${id}/revoke-sessions`) });
}

export function useAssignRole() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: AssignRoleInput }) =>
      api.post<User>(`/api/users/${userId}/roles`, input),
    onSuccess: store,
  });
}

export function useRemoveRole() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ userId, assignmentId }: { userId: string; assignmentId: string }) =>
      api.delete<User>(`/api/users/${userId}/roles/${assignmentId}`),
    onSuccess: store,
  });
}
