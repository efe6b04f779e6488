/**
 * exceljs, with its streaming reader mended. exceljs 4.4 decodes each chunk of a sheet's XML
 * on its own, so a Chinese character (3 bytes in UTF-8) split across two chunks becomes two
 * replacement characters "��" — about one name in a few thousand, at random (upstream issues
 * #2063, #2084, #2316; unfixed). The reader's SAX helper is replaced, before exceljs first loads,
 * by one that decodes the chunks as a stream. Every module of the project imports exceljs from
 * here, never directly.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);
const { SaxesParser } = fromExceljs('saxes') as {
  SaxesParser: new () => { on(event: string, handler: (value: unknown) => void): void; write(text: string): void };
};

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => {
    error = err;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    // stream: true keeps an incomplete character's bytes for the next chunk.
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

// Loading exceljs first would keep its broken helper: make that mistake loud.
if (require.cache[require.resolve('exceljs')] && require.cache[parseSaxPath]?.exports !== parseSax) {
  if (!(require.cache[parseSaxPath]?.exports as { fupinFixed?: boolean } | undefined)?.fupinFixed) {
    throw new Error('exceljs was loaded before its UTF-8 fix: import it from io/excel/exceljs');
  }
}
(parseSax as unknown as { fupinFixed: boolean }).fupinFixed = true;

if (!require.cache[parseSaxPath]) {
  const module = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(parseSaxPath);
  module.filename = parseSaxPath;
  module.loaded = true;
  module.exports = parseSax;
  require.cache[parseSaxPath] = module;
}

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
