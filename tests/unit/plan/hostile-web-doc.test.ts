/**
 * Hostile web pages: each ends in one clear sentence (the parser's, as nothing in them is a
 * plan) within seconds and bounded memory, and nothing reaches an import.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PLAN_TEXT_BYTES, readPlanSource } from '../../../electron/services/plan/source';
import { PlanParseError, parsePlanText } from '../../../shared/plan';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Each takes one or two seconds alone; the bound leaves room for a loaded machine, not for quadratic time. */
const SECONDS_MS = 15_000;

/** Reads and parses like an import does; returns the error, the time taken and the growth of the heap. */
async function refuse(bytes: Uint8Array, fileName: string): Promise<{ error: PlanParseError; ms: number; heapMb: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  try {
    parsePlanText((await readPlanSource(bytes, fileName)).text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return {
      error: error as PlanParseError,
      ms: performance.now() - started,
      heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
    };
  }
  throw new Error('expected a PlanParseError');
}

describe('hostile web pages', () => {
  it('reads a page nested 1,000,000 elements deep in linear time: deep elements are flat text', async () => {
    const deep = utf8(`<!doctype html><html><body>${'<div>'.repeat(1_000_000)}深处的文字${'</div>'.repeat(1_000_000)}</body></html>`);
    const { error, ms, heapMb } = await refuse(deep, 'deep.html');
    expect(error.code).toBe('plan.no_structure');
    expect(ms).toBeLessThan(SECONDS_MS);
    expect(heapMb).toBeLessThan(300);
    // Never closed, and closed by a million tags that match nothing.
    const unclosed = utf8(`${'<span><div>'.repeat(500_000)}文字${'</p>'.repeat(1_000_000)}`);
    expect((await refuse(unclosed, 'page.htm')).ms).toBeLessThan(SECONDS_MS);
  }, 60_000);

  it('reads 5 MB of empty <div>s, and half a million paragraphs, within seconds', async () => {
    const divs = await refuse(utf8(`<html><body>${'<div></div>'.repeat(480_000)}</body></html>`), 'divs.html');
    expect(divs.error.code).toBe('plan.empty');
    expect(divs.ms).toBeLessThan(SECONDS_MS);
    const paragraphs = await refuse(utf8(`<html><body>${'<p>文字</p>'.repeat(500_000)}</body></html>`), 'p.html');
    expect(paragraphs.ms).toBeLessThan(SECONDS_MS);
  }, 60_000);

  it('decodes 18 MB of entities in linear time and expands no entities a page declares', async () => {
    const entities = await refuse(utf8(`<p>${'&amp;&nbsp;&#x4E00;'.repeat(950_000)}</p>`), 'entities.html');
    expect(entities.ms).toBeLessThan(SECONDS_MS);
    const laughs =
      '<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><html><body><p>&lol2;</p></body></html>';
    const read = await readPlanSource(utf8(laughs), 'laughs.html');
    // The internal subset is not HTML: its end shows as text, as in a browser; nothing is expanded.
    expect(read.text).toBe(']>\n&lol2;');
  }, 60_000);

  it('refuses a page over the 20 MB text limit before parsing it', async () => {
    const page = new Uint8Array(MAX_PLAN_TEXT_BYTES + 1).fill(0x20);
    page.set(utf8('<!doctype html>'));
    const { error } = await refuse(page, 'big.html');
    expect([error.code, error.params]).toEqual(['plan.too_large', { sizeMb: 20, limitMb: 20 }]);
    expect((await refuse(page, 'big.mhtml')).error.code).toBe('plan.too_large');
  });
});
