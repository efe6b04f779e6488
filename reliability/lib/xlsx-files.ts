/**
 * Malformed registry workbooks. Most start as the template's sheets written by exceljs; the
 * million empty rows are written as sheet XML straight into the zip with jszip (exceljs's own
 * dependency), which takes a second where exceljs would take minutes.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HOUSEHOLD_SHEET, HOUSEHOLD_SHEET_COLUMNS, MEMBER_SHEET, MEMBER_SHEET_COLUMNS } from '@fupin/domain';
import JSZip from 'jszip';
import ExcelJS from '../../apps/server/src/io/excel/exceljs';
import { type Row, registryWorkbook } from '../../apps/server/test/xlsx';

export { type Row, registryWorkbook };

/** A workbook whose household sheet has a formula where a value belongs. */
export async function withFormula(village: string, number: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const h = wb.addWorksheet(HOUSEHOLD_SHEET);
  const headers = HOUSEHOLD_SHEET_COLUMNS.map((c) => c.header);
  h.addRow(headers);
  const row = headers.map((name) =>
    name === '户编号' ? number : name === '村' ? village : name === '贫困户状态' ? '非建档立卡户' : null,
  );
  const wage = headers.indexOf('工资性收入');
  row[wage] = { formula: '1000*12', result: 12000 } as never;
  h.addRow(row);
  const m = wb.addWorksheet(MEMBER_SHEET);
  m.addRow(MEMBER_SHEET_COLUMNS.map((c) => c.header));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The template's two sheets with their headers only, each followed by `empty` rows that hold
 * nothing but a formatted blank cell (what a whole column formatted in Excel leaves behind).
 */
export async function millionEmptyRows(empty = 1_000_000): Promise<Buffer> {
  // Kept between runs (the same bytes every time): both engines' suites share one file.
  const cached = resolve(import.meta.dirname, `../../.tmp/reliability-empty-rows-${empty}.xlsx`);
  if (existsSync(cached)) return readFileSync(cached);
  const zip = await JSZip.loadAsync(await registryWorkbook([], []));
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  for (const file of sheets) {
    const xml = (await zip.file(file)?.async('string')) ?? '';
    const header = /<row [^>]*r="1"[^>]*>.*?<\/row>/s.exec(xml)?.[0] ?? '';
    const width = HOUSEHOLD_SHEET_COLUMNS.length;
    const parts: string[] = [];
    for (let r = 2; r <= empty + 1; r++) parts.push(`<row r="${r}"><c r="${letters(1 + (r % width))}${r}" s="0"/></row>`);
    const [before, after] = xml
      .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${letters(width)}${empty + 1}"/>`)
      .split(/<sheetData>.*<\/sheetData>|<sheetData\/>/s);
    zip.file(
      file,
      Buffer.concat([
        Buffer.from(`${before}<sheetData>${header}`),
        Buffer.from(parts.join('')),
        Buffer.from(`</sheetData>${after}`),
      ]),
    );
  }
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, out);
  return out;
}

/** A valid workbook cut in half: the zip's central directory is gone. */
export function truncated(file: Buffer): Buffer {
  return file.subarray(0, Math.floor(file.length / 2));
}

/** A zip that holds no workbook at all (a .docx-like archive), named .xlsx. */
export async function zipWithoutWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', '<document>不是表格</document>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
