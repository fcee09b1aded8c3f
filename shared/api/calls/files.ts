import { z } from 'zod';
import { call } from '../define';

/** What a file is picked for: decides the dialog's title and filters. */
export const filePurposes = [
  'plan',
  'evidence',
  'report',
  'pdf',
  'key',
  'packages',
  'receipt',
  'matrix',
  'sheet',
  'ledger',
  'docx',
] as const;
export const FilePurpose = z.enum(filePurposes);
export type FilePurpose = z.infer<typeof FilePurpose>;

/**
 * A file the user chose (dialog, drop or browser upload), known to the backend by an
 * opaque id: the renderer never names paths, so it cannot reach files the user did not pick.
 */
export const FileRef = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof FileRef>;

export const FileId = z.string().regex(/^[\w-]{8,64}$/u);

/** The id of a place the user chose to save to, from files.chooseSaveTarget. */
export const SaveTargetId = z.string().min(1).max(64);

/** A place the user chose to save to (desktop save dialog), or null when they cancelled. */
export const SaveTarget = z.object({ id: z.string(), name: z.string() }).nullable();

/** A finished output waiting in the data folder; the dev host serves it at /download/<id>. */
export const Download = z.object({ downloadId: z.string(), name: z.string(), size: z.number().int().nonnegative() });
export type Download = z.infer<typeof Download>;

export const filesCalls = {
  /** Desktop only: the native open dialog. The dev host uses the browser's file input and /upload. */
  'files.pick': call(
    z
      .object({
        purpose: FilePurpose,
        multiple: z.boolean().default(false),
        /** Pick folders instead of files (the inbox takes whole folders, the watched folder is one). */
        folders: z.boolean().default(false),
      })
      .strict(),
    z.array(FileRef),
  ),
  /** Desktop only: the native save dialog. */
  'files.chooseSaveTarget': call(z.object({ purpose: FilePurpose, suggestedName: z.string().min(1).max(200) }).strict(), SaveTarget),
};
