import { QueryClient, useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { call } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Local calls: no retries hiding real errors, no refetch storms on window focus.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

export function callKey<K extends CallName>(name: K, request?: CallRequest<K>): QueryKey {
  return request === undefined ? [name] : [name, request];
}

/** A read call as a cached query keyed by its name and request. */
export function useCall<K extends CallName>(name: K, request: CallRequest<K>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: callKey(name, request),
    queryFn: () => call(name, request),
    enabled: options.enabled ?? true,
  });
}

/** Reads whose answer cannot change while the app runs: not fetched again after a write. */
const unchangingCalls: readonly CallName[] = ['app.info'];

/**
 * After any write: every cached read is marked stale and the visible ones refetch (local
 * calls are cheap, and a view can never show what was just changed the old way), except
 * those that never change. Listing those, not the ones to refresh, keeps a new call fresh.
 */
export function refreshAfterWrite(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => !unchangingCalls.includes(query.queryKey[0] as CallName) });
}

/** A write call; afterwards the reads are refreshed (see refreshAfterWrite). */
export function useCallMutation<K extends CallName>(name: K, options: { onSuccess?: (value: CallResponse<K>) => void } = {}) {
  return useMutation({
    mutationFn: (request: CallRequest<K>) => call(name, request),
    onSuccess: async (value) => {
      options.onSuccess?.(value);
      await refreshAfterWrite();
    },
  });
}
