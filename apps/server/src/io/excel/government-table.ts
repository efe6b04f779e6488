/**
 * A table as a township files it: a title across the top, the reporting unit and the period, the
 * date, a header row (or two), the rows, and the signature lines at the foot. Streamed.
 */
import type { Writable } from 'node:stream';
import ExcelJS from './exceljs';

export interface GovernmentTable {
  sheetName: string;
  title: string;
  unit: string;
  period: string;
  date: string;
  /** one header row, or two when the first groups columns: [[label, span], …] */
  groups?: [string, number][];
  headers: string[];
  widths: number[];
  /** a number format per column (e.g. '0.00'), null or absent for none */
  formats?: (string | null)[];
  rows: (string | number | null)[][];
  /** rows shown bold after the body, e.g. 合计 */
  totals?: (string | number | null)[][];
  signatures?: string[];
}

export async function writeGovernmentTable(out: Writable, table: GovernmentTable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(table.sheetName, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = table.widths.map((width) => ({ width }));
  const n = table.headers.length;
  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getRow(1);
  title.getCell(1).value = table.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  title.commit();
  const meta = ws.getRow(2);
  meta.getCell(1).value = `填报单位：${table.unit}`;
  meta.getCell(Math.max(2, Math.floor(n / 2))).value = `时间范围：${table.period}`;
  meta.getCell(n).value = `填报日期：${table.date}`;
  meta.commit();
  let r = 3;
  if (table.groups) {
    const g = ws.getRow(r);
    let c = 1;
    for (const [label, span] of table.groups) {
      g.getCell(c).value = label;
      g.getCell(c).font = { bold: true };
      g.getCell(c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      for (let k = c; k < c + span; k++) g.getCell(k).border = border;
      if (span > 1) ws.mergeCells(r, c, r, c + span - 1);
      c += span;
    }
    g.commit();
    r++;
  }
  const head = ws.getRow(r);
  table.headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  head.height = 32;
  head.commit();
  for (const [rows, bold] of [
    [table.rows, false],
    [table.totals ?? [], true],
  ] as const) {
    for (const values of rows) {
      const row = ws.addRow(values);
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.border = border;
        if (bold) cell.font = { bold: true };
        const format = table.formats?.[column - 1];
        if (format) cell.numFmt = format;
      });
      row.commit();
    }
  }
  ws.addRow([]).commit();
  if (table.signatures?.length) {
    const row = ws.addRow(table.signatures.flatMap((s) => [s, '', '']).slice(0, n));
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
