import type { Attachment } from '../../../shared/api/calls/workspace';
import { mediaTypeFor } from '../../../shared/workspace/media-types';
import type { Db } from '../../db/database';
import { listAttachments, type AttachmentRow } from '../../db/repos/attachments';

/** The live evidence of one department for one measure; files of deleted tasks count as measure-level. */
export function measureAttachments(db: Db, departmentId: number, measureId: number): Attachment[] {
  return listAttachments(db, departmentId, measureId).map(toAttachment);
}

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    taskId: row.taskId,
    name: row.name,
    size: row.size,
    sha256: row.sha256,
    mediaType: mediaTypeFor(row.name),
    addedAt: row.addedAt,
  };
}
