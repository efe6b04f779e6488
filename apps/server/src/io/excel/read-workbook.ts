/**
 * Reads an .xlsx file as a stream of rows, in bounded memory whatever its size: one sheet after
 * another, each row's cells unwrapped to plain values (rich text to text, hyperlinks to their
 * text, formulas marked as such). The parsing runs in a worker thread, so the rows of a large
 * file are checked and stored while the next ones are being parsed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { CellValue } from '@fupin/domain';
import ExcelJS from './exceljs';

export interface SheetRow {
  sheet: string;
  /** 1-based row number as Excel shows it */
  row: number;
  /** cells by 1-based column number; index 0 unused */
  cells: CellValue[];
}

/** One cell as exceljs gives it, turned into a value a column can read. */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula) };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(raw);
}

/** The rows of every sheet of a workbook file, streamed, parsed on the calling thread. */
export async function* readWorkbookRowsHere(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheetReader of reader) {
    const sheet = String((sheetReader as unknown as { name?: string }).name ?? '');
    for await (const row of sheetReader) {
      const values = row.values as unknown[];
      const cells: CellValue[] = new Array(values.length);
      for (let i = 1; i < values.length; i++) cells[i] = cellValue(values[i]);
      yield { sheet, row: row.number, cells };
    }
  }
}

/** What the worker sends: rows as flat triples (sheet, row number, cells), the end, or why it failed. */
export type ReaderMessage =
  | { type: 'rows'; rows: unknown[] }
  | { type: 'end' }
  | { type: 'error'; message: string; name: string };

/** Rows per message, and messages the worker may send ahead of the reader (bounds memory). */
export const ROWS_PER_MESSAGE = 1000;
export const MESSAGES_AHEAD = 4;

// The worker runs TypeScript like the rest of the server: its entry is loaded through tsx's
// ESM API (the `import` entry of its `./esm/api` export).
const require = createRequire(import.meta.url);
const tsxPackage = require.resolve('tsx/package.json');
const tsxApi = pathToFileURL(
  join(
    dirname(tsxPackage),
    (require(tsxPackage) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']?.import.default ??
      '',
  ),
).href;
const WORKER_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.parent));
`;

/**
 * The rows of every sheet of a workbook file, streamed, parsed by a worker thread. The rows come
 * on a port of their own that is never listened to: a message waits there as bytes and is
 * deserialized only when its rows are next. Taken as they arrive, the batches sent ahead sat in
 * this thread's heap while the ones before them were checked, lived through two young-generation
 * collections, and every row of the file went through the old generation, which grew by hundreds
 * of megabytes between full collections. The worker's own messages only say that rows are there.
 */
export async function* readWorkbookRows(path: string): AsyncGenerator<SheetRow> {
  const { port1: inbox, port2: outbox } = new MessageChannel();
  const worker = new Worker(WORKER_BOOT, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
    workerData: {
      path,
      rows: outbox,
      tsx: tsxApi,
      entry: new URL('./read-workbook.worker.ts', import.meta.url).href,
      parent: import.meta.url,
    },
    transferList: [outbox],
  });
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  // Each rows message is in the inbox before the worker says so: the two ports are one process's.
  worker.on('message', notify);
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      let received = receiveMessageOnPort(inbox);
      while (!received) {
        if (failure) throw failure;
        if (exited) throw new Error('the workbook reader stopped');
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        received = receiveMessageOnPort(inbox);
      }
      const m = received.message as ReaderMessage;
      if (m.type === 'end') return;
      if (m.type === 'error') throw Object.assign(new Error(m.message), { name: m.name });
      // The worker may parse the next rows while these are used.
      worker.postMessage('more');
      const rows = m.rows;
      for (let i = 0; i < rows.length; i += 3)
        yield { sheet: rows[i] as string, row: rows[i + 1] as number, cells: rows[i + 2] as CellValue[] };
    }
  } finally {
    inbox.close();
    await worker.terminate();
  }
}
