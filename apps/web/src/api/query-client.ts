/** React Query defaults for a slow, flaky network: retry what may pass later, never a refusal. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && error instanceof ApiError && error.transient;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      // A write is retried by the person pressing the button again: each create carries the
      // id made when its form opened, so a second press after a lost answer does not duplicate.
      mutations: { retry: false },
    },
  });
}
