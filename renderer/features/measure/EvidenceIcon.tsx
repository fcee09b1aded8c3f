import { File, FileArchive, FileAudio, FileImage, FileSpreadsheet, FileText, FileVideo, Presentation, type LucideIcon } from 'lucide-react';
import { mediaKind, type MediaKind } from '../../../shared/workspace/media-types';

const icons: Record<MediaKind, LucideIcon> = {
  pdf: FileText,
  document: FileText,
  text: FileText,
  spreadsheet: FileSpreadsheet,
  presentation: Presentation,
  image: FileImage,
  archive: FileArchive,
  audio: FileAudio,
  video: FileVideo,
  other: File,
};

/** A file-type icon, coloured by family (PDF red, spreadsheets green, …). */
export function EvidenceIcon({ mediaType }: { mediaType: string }) {
  const kind = mediaKind(mediaType);
  const Icon = icons[kind];
  return (
    <span className={`evidence-icon evidence-icon-${kind}`} aria-hidden>
      <Icon size={18} />
    </span>
  );
}
