/**
 * Reads an .xlsx file as a stream of rows, in bounded memory whatever its size: one sheet after
 * another, each row's cells unwrapped to plain values (rich text to text, hyperlinks to their
 * text, formulas marked as such).
 */
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

/** The rows of every sheet of a workbook file, streamed. */
export async function* readWorkbookRows(path: string): AsyncGenerator<SheetRow> {
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
