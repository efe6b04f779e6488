/**
 * Reads a 帮扶干部花名册 and checks it whole before anything is written: every cell, mobiles that
 * repeat, household numbers the township does not have, and mobiles that are accounts outside the
 * township. Returns the rows, resolved against the registry and the accounts, or every problem.
 */
import {
  type CellValue,
  columnLetter,
  ROSTER_COLUMNS,
  ROSTER_MAX_ROWS,
  ROSTER_SHEET,
  type RosterRow,
  readRosterRow,
} from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../../db/client';
import { readWorkbookRowsHere } from '../../../io/excel/read-workbook';
import { headerMap, isBlank } from '../../imports/stage-file';

export interface RosterProblem {
  row: number;
  /** the column's letter in the file, null for a problem of the row or the sheet */
  letter: string | null;
  header: string | null;
  key: string;
  params?: Record<string, string | number>;
}

export interface RosterLine extends RosterRow {
  rowNo: number;
  /** the paired households, resolved */
  pairs: { id: string; villageId: string }[];
  /** the account this mobile already is (in this township), if any */
  userId: string | null;
}

export async function readRoster(
  db: Db,
  townshipId: string,
  path: string,
): Promise<{ lines: RosterLine[]; problems: RosterProblem[] }> {
  const problems: RosterProblem[] = [];
  const rows: (RosterRow & { rowNo: number })[] = [];
  let letters: (string | null)[] = [];
  let columnsAt: number[] = [];
  let seenSheet = false;
  for await (const { sheet, row, cells } of readWorkbookRowsHere(path)) {
    if (sheet !== ROSTER_SHEET) continue;
    if (!seenSheet) {
      // The first row the sheet yields is its header.
      seenSheet = true;
      const map = headerMap(cells);
      const at = ROSTER_COLUMNS.map((c) => map.get(c.header));
      letters = at.map((i) => (i === undefined ? null : columnLetter(i)));
      ROSTER_COLUMNS.forEach((c, i) => {
        if (at[i] === undefined)
          problems.push({ row, letter: null, header: c.header, key: 'sheet.missing_column', params: { header: c.header } });
      });
      if (problems.length) break;
      columnsAt = at as number[];
      continue;
    }
    if (isBlank(cells)) continue;
    if (rows.length + problems.length >= ROSTER_MAX_ROWS) {
      problems.push({ row, letter: null, header: null, key: 'sheet.too_many_rows', params: { max: ROSTER_MAX_ROWS } });
      break;
    }
    const read = readRosterRow(columnsAt.map((i) => (cells[i] ?? null) as CellValue));
    if ('issues' in read)
      for (const issue of read.issues)
        problems.push({
          row,
          letter: letters[issue.column] ?? null,
          header: ROSTER_COLUMNS[issue.column]?.header ?? null,
          key: issue.key,
          ...(issue.params ? { params: issue.params } : {}),
        });
    else rows.push({ ...read.row, rowNo: row });
  }
  if (!seenSheet)
    problems.push({ row: 1, letter: null, header: null, key: 'sheet.missing_sheet', params: { sheet: ROSTER_SHEET } });
  else if (rows.length === 0 && problems.length === 0)
    problems.push({ row: 2, letter: null, header: null, key: 'sheet.empty', params: { sheet: ROSTER_SHEET } });
  const at = (column: number) => ({ letter: letters[column] ?? null, header: ROSTER_COLUMNS[column]?.header ?? null });

  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const first = firstRowOf.get(r.mobile);
    if (first === undefined) firstRowOf.set(r.mobile, r.rowNo);
    else problems.push({ row: r.rowNo, ...at(1), key: 'roster.duplicate_mobile', params: { row: first } });
  }

  const numbers = [...new Set(rows.flatMap((r) => r.households))];
  const households = numbers.length
    ? await selectRows<{ id: string; number: string; village_id: string }>(
        db,
        sql`select id, household_number as number, village_id from households
            where township_id = ${townshipId} and household_number in (${sql.join(
              numbers.map((n) => sql`${n}`),
              sql`, `,
            )})`,
      )
    : [];
  const byNumber = new Map(households.map((h) => [h.number, h]));
  // An account is the row's when its login name is the mobile, or else when it is the township's
  // one account with that phone (one made by hand, as an exported roster lists it).
  const mobiles = [...firstRowOf.keys()];
  const list = sql.join(
    mobiles.map((m) => sql`${m}`),
    sql`, `,
  );
  const accounts = mobiles.length
    ? await selectRows<{ id: string; username: string; phone: string | null; township_id: string | null }>(
        db,
        sql`select u.id, u.username, u.phone, un.township_id from users u join units un on un.id = u.home_unit_id
            where u.username in (${list}) or (u.phone in (${list}) and un.township_id = ${townshipId})
            order by u.username`,
      )
    : [];
  const byUsername = new Map(accounts.map((a) => [a.username, a]));
  const byPhone = new Map<string, (typeof accounts)[number][]>();
  for (const a of accounts)
    if (a.phone && a.township_id === townshipId) byPhone.set(a.phone, [...(byPhone.get(a.phone) ?? []), a]);

  const lines: RosterLine[] = [];
  for (const r of rows) {
    for (const number of r.households)
      if (!byNumber.has(number)) problems.push({ row: r.rowNo, ...at(3), key: 'roster.unknown_household', params: { number } });
    const phoned = byPhone.get(r.mobile) ?? [];
    const account = byUsername.get(r.mobile) ?? (phoned.length === 1 ? phoned[0] : undefined);
    if (account && account.township_id !== townshipId)
      problems.push({ row: r.rowNo, ...at(1), key: 'roster.account_elsewhere', params: { value: r.mobile } });
    else if (!account && phoned.length > 1)
      problems.push({
        row: r.rowNo,
        ...at(1),
        key: 'roster.phone_shared',
        params: { value: r.mobile, names: phoned.map((a) => a.username).join('、') },
      });
    lines.push({
      ...r,
      pairs: r.households.flatMap((n) => {
        const h = byNumber.get(n);
        return h ? [{ id: h.id, villageId: h.village_id }] : [];
      }),
      userId: account?.id ?? null,
    });
  }
  problems.sort((a, b) => a.row - b.row || (a.letter ?? '').localeCompare(b.letter ?? ''));
  return { lines, problems };
}
