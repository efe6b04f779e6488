/** Supervision orders (督办整改单): the list, one order, issuing one for a set of problems. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

export type OrderStatus = 'in_progress' | 'overdue' | 'done';

export interface Order {
  id: string;
  townshipId: string;
  number: string;
  title: string;
  deadline: string;
  note: string | null;
  responsible: { id: string; name: string }[];
  issuedAt: string;
  issuedByName: string | null;
  problems: number;
  closed: number;
  status: OrderStatus;
}

export interface IssueOrderInput {
  id: string;
  townshipId: string;
  title: string;
  deadline: string;
  responsibleUserIds: string[];
  problemIds: string[];
  note: string | null;
}

export function useOrders() {
  return useQuery({
    queryKey: ['orders', 'list'],
    queryFn: ({ signal }) => api.get<{ items: Order[] }>('/api/orders', { signal }),
    select: (d) => d.items,
  });
}

/**
 * One order. A village may list the orders that hold its problems but not open one (the API asks
 * problem.read on the township): it then gets the order from the list, `limited` (no export).
 */
export function useOrder(id: string) {
  return useQuery({
    queryKey: ['orders', 'one', id],
    queryFn: async ({ signal }) => {
      try {
        const d = await api.get<{ order: Order; problemIds: string[] }>(`/api/orders/${id}`, { signal });
        return { ...d, limited: false };
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 403) throw e;
        const listed = (await api.get<{ items: Order[] }>('/api/orders', { signal })).items.find((o) => o.id === id);
        if (!listed) throw e;
        return { order: listed, problemIds: [] as string[], limited: true };
      }
    },
    retry: false,
  });
}

export function useIssueOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IssueOrderInput) => api.post<{ order: Order; problemIds: string[] }>('/api/orders', input),
    onSuccess: (d) => {
      client.setQueryData(['orders', 'one', d.order.id], d);
      void client.invalidateQueries({ queryKey: ['orders', 'list'] });
      // The order's deadline binds its problems.
      void client.invalidateQueries({ queryKey: ['problems'] });
    },
  });
}
