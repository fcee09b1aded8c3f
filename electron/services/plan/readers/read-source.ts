import type { DroppedText, PlanReader } from '../../../../shared/plan/source';

/** A plan source turned into text: one paragraph a line where the format says where paragraphs end. */
export interface ReadSource {
  reader: PlanReader;
  text: string;
  /** What the reader left out as page furniture or web-page chrome, in document order. */
  dropped: DroppedText[];
}
