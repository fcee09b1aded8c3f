import { groupBy } from '../../../../shared/group-by';

/**
 * Runs `work` over `items` in lanes, each lane taking its items in order, and returns the
 * results in order. The failure reported is the first in archive order, so a verdict never
 * depends on timing: after a failure, later items are aborted or skipped while earlier ones
 * still run to their end.
 */
export async function mapInArchiveOrder<T, R>(
  items: readonly T[],
  laneOf: (item: T) => number,
  work: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const lanes = groupBy(items.keys(), (index) => laneOf(items[index] as T));
  const results: R[] = [];
  const running = new Map<number, AbortController>();
  let failure: { index: number; error: unknown } | undefined;
  const runLane = async (indexes: readonly number[]) => {
    for (const index of indexes) {
      if (failure && index > failure.index) return;
      const controller = new AbortController();
      running.set(index, controller);
      try {
        results[index] = await work(items[index] as T, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return; // an earlier item failed
        failure = failure && failure.index < index ? failure : { index, error };
        for (const [later, other] of running) if (later > index) other.abort();
      } finally {
        running.delete(index);
      }
    }
  };
  await Promise.all([...lanes.values()].map(runLane));
  if (failure) throw failure.error;
  return results;
}
