/**
 * The workbook reader over zips whose parts are stored in orders other than Excel's: exceljs's own
 * streaming pass failed on them, at random or every time (upstream issue #3064).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from './exceljs';
import { readWorkbookRows, readWorkbookRowsHere, type SheetRow } from './read-workbook';

// JSZip comes with exceljs; it lets a test store a workbook's parts in any order.
type Zip = {
  files: Record<string, { dir: boolean; async(type: 'nodebuffer'): Promise<Buffer> }>;
  file(name: string, data: Buffer | string): void;
  generateAsync(options: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer>;
};
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as {
  loadAsync(data: Buffer): Promise<Zip>;
  new (): Zip;
};

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fupin-read-workbook-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A two-sheet workbook (户信息 first, 成员信息 second), as exceljs writes it. */
async function twoSheets(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('户信息').addRows([
    ['户编号', '户主姓名'],
    ['H1', '张三'],
    ['H2', '李四'],
  ]);
  wb.addWorksheet('成员信息').addRows([
    ['户编号', '姓名'],
    ['H1', '张三'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same parts stored again: the named ones first, in that order, then the rest as they were. */
async function restored(file: Buffer, first: string[], edit: Record<string, (text: string) => string> = {}): Promise<Buffer> {
  const source = await JSZip.loadAsync(file);
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir);
  const out = new JSZip();
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
    const data = await source.files[name]?.async('nodebuffer');
    if (!data) throw new Error(`no part ${name}`);
    out.file(name, edit[name] ? edit[name](data.toString('utf8')) : data);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function saved(name: string, data: Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, data);
  return path;
}

async function rowsOf(read: (path: string) => AsyncGenerator<SheetRow>, path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const r of read(path)) out.push(`${r.sheet}!${r.row}:${r.cells.slice(1).join(',')}`);
  return out;
}

const EXPECTED = [
  '户信息!1:户编号,户主姓名',
  '户信息!2:H1,张三',
  '户信息!3:H2,李四',
  '成员信息!1:户编号,姓名',
  '成员信息!2:H1,张三',
];

describe('reading a workbook whose parts come in any order', () => {
  it('reads a file that stores its shared strings before its sheets and xl/workbook.xml after them', async () => {
    // exceljs's streaming pass read such sheets at once, before it knew their names: it failed every time.
    const path = await saved(
      'workbook-last.xlsx',
      await restored(await twoSheets(), ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']),
    );
    expect(await rowsOf(readWorkbookRowsHere, path)).toEqual(EXPECTED);
    expect(await rowsOf(readWorkbookRows, path)).toEqual(EXPECTED);
  });

  it('takes the sheets in the workbook’s tab order and names them when a relationship’s target is absolute', async () => {
    const absolute = (text: string) => text.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/');
    const path = await saved(
      'absolute-targets.xlsx',
      await restored(await twoSheets(), ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'], {
        'xl/_rels/workbook.xml.rels': absolute,
      }),
    );
    expect(await rowsOf(readWorkbookRowsHere, path)).toEqual(EXPECTED);
  });

  it('reads exceljs’s own files side by side, every time', async () => {
    // The race of #3064: about one read in sixty failed on this machine under load.
    const path = await saved('exceljs.xlsx', await twoSheets());
    const reads = await Promise.all(Array.from({ length: 40 }, () => rowsOf(readWorkbookRowsHere, path)));
    for (const rows of reads) expect(rows).toEqual(EXPECTED);
  });

  it('fails on a broken zip, and reads no sheet from a zip without a workbook', async () => {
    const whole = await twoSheets();
    const truncated = await saved('truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(rowsOf(readWorkbookRowsHere, truncated)).rejects.toThrow();
    const other = new JSZip();
    other.file('readme.txt', '不是表格');
    const notWorkbook = await saved(
      'not-workbook.xlsx',
      await other.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
    expect(await rowsOf(readWorkbookRows, notWorkbook)).toEqual([]);
  });
});
