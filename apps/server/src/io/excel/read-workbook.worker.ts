/**
 * The worker thread of `readWorkbookRows`: parses the workbook and sends its rows in batches,
 * never more than a few batches ahead of the reader.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { MESSAGES_AHEAD, type ReaderMessage, ROWS_PER_MESSAGE, readWorkbookRowsHere } from './read-workbook';

const port = parentPort;
if (!port) throw new Error('read-workbook.worker runs as a worker thread');
const { path, rows: outbox } = workerData as { path: string; rows: MessagePort };
/** Rows, the end or the failure go to the reader's inbox; a word on the parent port wakes it. */
const post = (message: ReaderMessage) => {
  outbox.postMessage(message);
  port.postMessage(0);
};
let credit = MESSAGES_AHEAD;
let waiting: (() => void) | null = null;
port.on('message', () => {
  credit++;
  waiting?.();
  waiting = null;
});
const send = async (message: ReaderMessage) => {
  while (credit === 0)
    await new Promise<void>((resolve) => {
      waiting = resolve;
    });
  credit--;
  post(message);
};

try {
  let rows: unknown[] = [];
  for await (const r of readWorkbookRowsHere(path)) {
    rows.push(r.sheet, r.row, r.cells);
    if (rows.length >= ROWS_PER_MESSAGE * 3) {
      await send({ type: 'rows', rows });
      rows = [];
    }
  }
  if (rows.length) await send({ type: 'rows', rows });
  post({ type: 'end' });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', message: e.message, name: e.name });
}
