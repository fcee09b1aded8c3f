import type { HandlerGroup } from '../handler';
import type { EvidenceService } from './evidence-service';

export function evidenceHandlers(evidence: EvidenceService): HandlerGroup<'evidence.add' | 'evidence.remove' | 'evidence.open'> {
  return {
    'evidence.add': (request) => ({ jobId: evidence.add(request) }),
    'evidence.remove': ({ id }) => evidence.remove(id),
    'evidence.open': ({ id }) => evidence.open(id),
  };
}
