/** ZIP packages for the plan fixtures (.docx, OFD), written with yazl. */
import { ZipFile } from 'yazl';

/** A part of a package: bytes, or a stream when the part is too big to hold in memory. */
export interface ZipPart {
  name: string;
  data: Buffer | (() => NodeJS.ReadableStream);
  compress?: boolean;
}

/** The parts zipped, in order. */
export async function zipParts(parts: readonly ZipPart[]): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const part of parts) {
    if (Buffer.isBuffer(part.data)) zip.addBuffer(part.data, part.name, { compress: part.compress ?? true });
    else zip.addReadStream(part.data() as never, part.name, { compress: part.compress ?? true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
