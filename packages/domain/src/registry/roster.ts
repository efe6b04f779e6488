/**
 * 帮扶干部花名册: a township's assistance cadres as its office keeps them in Excel — name, mobile
 * (the account's login name), 派出单位 and the household numbers each is paired with. The columns,
 * and the checks of one row that need nothing but the row; the server checks the rest (other
 * rows, the registry, existing accounts).
 */
import { type CellValue, readCell, type SheetColumn } from './sheet';

export const ROSTER_SHEET = '帮扶干部';
/** A township's cadres are a few hundred; a file far larger is a mistake. */
export const ROSTER_MAX_ROWS = 2_000;

export const ROSTER_COLUMNS: readonly SheetColumn[] = [
  { key: 'name', header: '姓名', headerEn: 'Name', kind: 'text', required: true, max: 40, width: 12 },
  {
    key: 'mobile',
    header: '手机号码',
    headerEn: 'Mobile',
    kind: 'text',
    required: true,
    max: 20,
    width: 16,
    note: '11 位手机号码，同时作为登录用户名',
  },
  {
    key: 'workUnit',
    header: '派出单位',
    headerEn: 'Sending unit',
    kind: 'text',
    max: 60,
    width: 22,
    note: '本镇没有的单位会自动新增',
  },
  {
    key: 'households',
    header: '结对户编号',
    headerEn: 'Paired household numbers',
    kind: 'list',
    width: 40,
    note: '多个用顿号分隔，如：3699011010010001、3699011010010002',
  },
];

export interface RosterRow {
  name: string;
  mobile: string;
  workUnit: string | null;
  households: string[];
}

export interface RosterIssue {
  /** 0-based index into ROSTER_COLUMNS */
  column: number;
  key: string;
  params?: Record<string, string | number>;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** A mobile number as written in a cell: an 11-digit number survives Excel, spaces and dashes are dropped. */
export function normalizeMobile(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/** One row's cells (by column, in ROSTER_COLUMNS order) read into a roster row, or the issues found. */
export function readRosterRow(cells: readonly CellValue[]): { row: RosterRow } | { issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const values = ROSTER_COLUMNS.map((column, i) => {
    const result = readCell(column, cells[i] ?? null);
    if (!result.ok) {
      issues.push({ column: i, key: result.key, ...(result.params ? { params: result.params } : {}) });
      return null;
    }
    return result.value;
  });
  const mobile = typeof values[1] === 'string' ? normalizeMobile(values[1]) : null;
  if (mobile !== null && !MOBILE.test(mobile)) issues.push({ column: 1, key: 'roster.bad_mobile', params: { value: mobile } });
  if (issues.length) return { issues };
  const households = [...new Set((values[3] as string[] | null) ?? [])];
  return {
    row: { name: values[0] as string, mobile: mobile as string, workUnit: (values[2] as string | null) ?? null, households },
  };
}
