import { describe, expect, it } from 'vitest';
import { callKey, queryClient, refreshAfterWrite } from '../../renderer/api/queries';

describe('refresh after a write', () => {
  it('marks every cached read stale except those that never change', async () => {
    queryClient.setQueryData(callKey('app.info', {}), { version: '1' });
    queryClient.setQueryData(callKey('settings.get', {}), { language: 'zh-CN' });
    await refreshAfterWrite();
    expect(queryClient.getQueryState(callKey('settings.get', {}))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(callKey('app.info', {}))?.isInvalidated).toBe(false);
    queryClient.clear();
  });
});
