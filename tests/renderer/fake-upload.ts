// The browser's upload path stubbed for component tests: the screens under test are real, the dev host is not there.

/** The dev host's /upload (XHR, for its progress events): each file becomes a FileRef at once. */
export class FakeUpload {
  static sent: string[] = [];
  status = 0;
  response: unknown = null;
  responseType = '';
  private url = '';
  private listeners = new Map<string, (() => void)[]>();
  readonly upload = { addEventListener: () => undefined };
  open(_method: string, url: string): void {
    this.url = url;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  abort(): void {}
  send(): void {
    const name = new URL(this.url, 'http://host').searchParams.get('name') ?? '';
    FakeUpload.sent.push(name);
    this.status = 200;
    this.response = { ok: true, value: { id: `upload-${FakeUpload.sent.length}-0000`, name, size: 1 } };
    setTimeout(() => {
      for (const type of ['load', 'loadend']) for (const listener of this.listeners.get(type) ?? []) listener();
    });
  }
}
