import type { ReceiveSummary } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import type { JobProgress } from '../jobs/runner';

/** A file or folder to receive (folders are walked recursively); `name` is what the user sees (an upload's own name). */
export interface ReceiveSource {
  path: string;
  name: string;
}

export interface ReceiveOptions {
  /** Files processed of files found, with the running tallies { accepted, duplicates, refused }. */
  onProgress?: JobProgress;
  signal?: AbortSignal;
}

/**
 * Receives a batch: every file found is verified and, when intact, stored byte for byte and
 * recorded as a submission; one bad file never stops the batch.
 */
export async function receivePackages(
  ctx: ServiceContext,
  sources: readonly ReceiveSource[],
  options: ReceiveOptions = {},
): Promise<ReceiveSummary> {
  void ctx;
  void sources;
  void options;
  await Promise.resolve();
  throw new AppError('unsupported', { what: 'office.receive' });
}
