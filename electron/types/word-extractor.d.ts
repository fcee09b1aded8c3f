/**
 * The parts of word-extractor 1.0 (plain JavaScript) the .doc reader uses: its Word 97 extractor
 * and buffer reader directly, so the reader can check the file's tables between its steps.
 */
declare module 'word-extractor/lib/document.js' {
  interface TextOptions {
    /** Default true: turns curly quotes and dashes into ASCII, which Chinese text must keep. */
    filterUnicode?: boolean;
  }
  export default class Document {
    getBody(options?: TextOptions): string;
    getHeaders(options?: TextOptions & { includeFooters?: boolean }): string;
    getFooters(options?: TextOptions): string;
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type BufferReader from 'word-extractor/lib/buffer-reader.js';
  import type Document from 'word-extractor/lib/document.js';

  export interface Piece {
    text: string;
  }
  export default class WordOleExtractor {
    _pieces: Piece[];
    extract(reader: BufferReader): Promise<Document>;
    writePieces(buffer: Buffer, tableBuffer: Buffer): void;
    buildDocument(): Document;
  }
}
