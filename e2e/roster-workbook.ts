/**
 * A 帮扶干部花名册 filled in as a township clerk would in Excel: the downloaded template with
 * rows written under its header row, for the admin journey's roster import.
 */
import ExcelJS from '../apps/server/src/io/excel/exceljs';

export interface RosterLine {
  姓名: string;
  手机号码: string;
  派出单位?: string;
  /** household numbers, joined with 、 as the template asks */
  结对户编号?: string[];
}

/** Writes the lines into the template's 帮扶干部 sheet (columns found by header, the * dropped). */
export async function fillRoster(template: string, out: string, lines: RosterLine[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('帮扶干部');
  if (!ws) throw new Error('the template has no 帮扶干部 sheet');
  // The header row is the first row that names 姓名 (a title row may sit above it).
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= 5 && headerRow === 0; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      const header = String(cell.value ?? '')
        .replace(/\*$/, '')
        .trim();
      if (header === '姓名') headerRow = r;
      columns.set(header, col);
    });
    if (headerRow === 0) columns.clear();
  }
  if (headerRow === 0) throw new Error('the 帮扶干部 sheet has no 姓名 header in its first rows');
  lines.forEach((line, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    for (const [header, value] of Object.entries(line)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`the template has no column ${header}`);
      row.getCell(col).value = Array.isArray(value) ? value.join('、') : value;
    }
  });
  await wb.xlsx.writeFile(out);
}

/** The sheets of a workbook and the headers of its 帮扶干部 sheet's header row, to check a template. */
export async function templateHeaders(path: string): Promise<{ sheets: string[]; headers: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('帮扶干部');
  const headers: string[] = [];
  for (let r = 1; r <= 5 && ws && !headers.includes('姓名*'); r++) {
    headers.length = 0;
    ws.getRow(r).eachCell((cell) => {
      headers.push(String(cell.value ?? '').trim());
    });
  }
  return { sheets: wb.worksheets.map((s) => s.name), headers };
}
