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

/**
 * The second mend: exceljs's streaming reader takes the zip's entries in the order they are
 * stored, in one pass, and names each sheet from `xl/workbook.xml` — which exceljs itself (and
 * other writers) store last. That pass sometimes delivers the last entry after the sheets are
 * read, and the read then fails with "Cannot read properties of undefined (reading 'sheets')":
 * upstream issue #3064, about one small file in sixty on this machine under load. A file on disk
 * is therefore opened through its central directory, and its parts are read in the order they
 * depend on each other: relationships, workbook, shared strings, styles, then the sheets in the
 * workbook's tab order, each still streamed row by row.
 */
type ZipEntry = { path: string; type: 'File' | 'Directory'; stream(): NodeJS.ReadableStream };
type WorksheetEvent = { eventType: string; value: { name?: string } };
interface ReaderInternals {
  input: unknown;
  options: Record<string, unknown>;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<WorksheetEvent>;
}
const unzipper = fromExceljs('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
const iterateStream = fromExceljs('./iterate-stream') as (stream: NodeJS.ReadableStream) => AsyncIterable<unknown>;
const readerPrototype = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: ReaderInternals & { parse: Parse } })
  .prototype;
type Parse = (this: ReaderInternals, input?: unknown, options?: Record<string, unknown>) => AsyncGenerator<unknown>;
const streamingParse = readerPrototype.parse;

/** A sheet's part, from a relationship's target ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml"). */
function sheetPart(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function* parseThroughDirectory(this: ReaderInternals, input?: unknown, options?: Record<string, unknown>) {
  if (options) this.options = options;
  const source = input ?? this.input;
  // Hyperlinks are read in the streaming pass only (the project reads none).
  if (typeof source !== 'string' || this.options.hyperlinks === 'emit') {
    yield* streamingParse.call(this, input, options);
    return;
  }
  const { files } = await unzipper.Open.file(source);
  const parts = new Map(files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, ''), f]));
  const part = (name: string) => parts.get(name)?.stream();
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await this._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  // A zip without a workbook lists no sheets (the import then names the sheets it misses).
  if (workbook) await this._parseWorkbook(workbook);
  else this.model = { sheets: [] };
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) yield* this._parseSharedStrings(sharedStrings);
  const styles = part('xl/styles.xml');
  if (styles) await this._parseStyles(styles);

  // The sheets the workbook lists, in its tab order, then any other sheet part by number.
  const sheets: { path: string; name?: string }[] = [];
  for (const sheet of this.model?.sheets ?? []) {
    const rel = this.workbookRels?.find((r) => r.Id === sheet.rId);
    if (rel && parts.has(sheetPart(rel.Target))) sheets.push({ path: sheetPart(rel.Target), name: sheet.name });
  }
  const others = [...parts.keys()]
    .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path) && !sheets.some((s) => s.path === path))
    .sort((a, b) => sheetNumber(a) - sheetNumber(b));
  for (const path of others) sheets.push({ path });
  for (const sheet of sheets) {
    const stream = part(sheet.path);
    if (!stream) continue;
    for (const event of this._parseWorksheet(iterateStream(stream), String(sheetNumber(sheet.path)))) {
      // exceljs finds a sheet's name only through a relative target (else "Sheet1"): named here.
      if (sheet.name !== undefined) event.value.name = sheet.name;
      yield event;
    }
  }
}

function sheetNumber(path: string): number {
  return Number(/(\d+)\.xml$/.exec(path)?.[1] ?? 0);
}

readerPrototype.parse = parseThroughDirectory as Parse;

export default ExcelJS;
