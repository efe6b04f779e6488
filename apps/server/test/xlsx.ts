/** Building registry workbooks and uploading them, for import tests. */
import {
  HOUSEHOLD_SHEET,
  HOUSEHOLD_SHEET_COLUMNS,
  MEMBER_SHEET,
  MEMBER_SHEET_COLUMNS,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
} from '@fupin/domain';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import ExcelJS from '../src/io/excel/exceljs';

export type Row = Record<string, unknown>;

/** A workbook with the template's headers (or the given ones) and rows keyed by header. */
export async function registryWorkbook(
  households: Row[],
  members: Row[],
  options: { householdHeaders?: string[]; memberHeaders?: string[]; omitSheet?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheets: [string, string[], Row[]][] = [
    [HOUSEHOLD_SHEET, options.householdHeaders ?? HOUSEHOLD_SHEET_COLUMNS.map((c) => c.header), households],
    [MEMBER_SHEET, options.memberHeaders ?? MEMBER_SHEET_COLUMNS.map((c) => c.header), members],
  ];
  for (const [name, headers, rows] of sheets) {
    if (name === options.omitSheet) continue;
    const ws = wb.addWorksheet(name);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(headers.map((h) => (r[h] === undefined ? null : r[h])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 帮扶干部花名册 with the template's headers (or the given ones) and rows keyed by header. */
export async function rosterWorkbook(rows: Row[], headers: string[] = ROSTER_COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => (r[h] === undefined ? null : r[h])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large workbook written as a stream. */
export async function largeWorkbook(path: string, households: Iterable<Row>, members: Iterable<Row>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  for (const [name, columns, rows] of [
    [HOUSEHOLD_SHEET, HOUSEHOLD_SHEET_COLUMNS, households],
    [MEMBER_SHEET, MEMBER_SHEET_COLUMNS, members],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(columns.map((c) => c.header)).commit();
    for (const r of rows) ws.addRow(columns.map((c) => (r[c.header] === undefined ? null : r[c.header]))).commit();
    ws.commit();
  }
  await wb.commit();
}

/** Uploads a file as multipart form data, after the given text fields. */
export function upload(
  app: FastifyInstance,
  cookie: string,
  url: string,
  file: Buffer,
  filename = '农户.xlsx',
  fields: Record<string, string> = {},
) {
  const boundary = `----fupin${Date.now()}`;
  const texts = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const head = Buffer.from(
    `${texts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file, tail]),
  });
}

/** Uploads a registry file into a unit, waits for its check, and returns the import as the API shows it. */
export async function uploadChecked(app: FastifyInstance, cookie: string, unitId: string, file: Buffer) {
  const res = await upload(app, cookie, `/api/registry/imports?unitId=${unitId}`, file);
  expect(res.statusCode, res.body).toBe(200);
  await app.jobs.idle();
  return (await app.inject({ method: 'GET', url: `/api/registry/imports/${res.json().id}`, headers: { cookie } })).json();
}
