/**
 * Reads an uploaded registry workbook into staging rows: every cell checked against its column,
 * every ID number against GB 11643 and the member's sex and birth date, every village and group
 * against the township. Memory stays bounded: rows go to the database in batches by COPY, as
 * typed CSV (no JSON to build here or to decode in the database).
 */
import {
  type CellResult,
  type CellValue,
  checkMemberIdentity,
  codeFromLabel,
  columnLetter,
  HOUSEHOLD_SHEET,
  HOUSEHOLD_SHEET_COLUMNS,
  HOUSEHOLD_TAGS,
  MEMBER_SHEET,
  MEMBER_SHEET_COLUMNS,
  parseIdNumber,
  readCell,
  type SheetColumn,
} from '@fupin/domain';
import type { Database } from '../../db/client';
import { CsvLines, csvField, rawTransaction, toCsv } from '../../db/raw';
import { readWorkbookRows as readInWorker, readWorkbookRowsHere } from '../../io/excel/read-workbook';

const readWorkbookRows = process.env.FUPIN_NO_WORKER ? readWorkbookRowsHere : readInWorker;

import { pinyinKey } from '../../lib/pinyin';
import {
  HOUSEHOLD_DATA_COLUMNS,
  HOUSEHOLD_DEFAULTS,
  MEMBER_DATA_COLUMNS,
  MEMBER_DEFAULTS,
  STAGED_HOUSEHOLD_TYPES,
  STAGED_MEMBER_TYPES,
} from './columns';

const BATCH = 5000;
/** Errors kept for the preview; beyond this only the count grows. */
export const MAX_STORED_ERRORS = 5000;
/** Rows per sheet beyond which a file is refused. */
export const MAX_ROWS = 1_000_000;
/** Distinct values remembered per column (codes, flags) and names remembered for their pinyin. */
const MEMO_LIMIT = 1000;
const PINYIN_MEMO_LIMIT = 50_000;

export interface StagingPlace {
  townshipId: string;
  /** villages the importer may import into, with their groups */
  villages: { id: string; name: string; code: string | null; groups: { id: string; name: string }[] }[];
  /** tag label (zh or en) or code → code */
  tags: { code: string; labelZh: string; labelEn: string }[];
}

export interface StagedError {
  sheet: string;
  row: number;
  letter: string | null;
  header: string | null;
  key: string;
  params?: Record<string, string | number>;
}

/** Where each template column sits in the uploaded sheet (users may reorder columns). */
export type HeaderMap = Map<string, number>;

export interface StageResult {
  householdRows: number;
  memberRows: number;
  errorCount: number;
  headers: { households: HeaderMap; members: HeaderMap };
}

export function headerMap(cells: readonly unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  cells.forEach((v, i) => {
    if (typeof v === 'string') map.set(v.replace(/[*＊\s]/g, ''), i);
  });
  return map;
}

/** One template column found in the sheet: where it is and how its cells are read. */
interface ColumnPlan {
  /** position in the template's column list (and in a row's values) */
  at: number;
  column: SheetColumn;
  index: number;
  letter: string;
  /** results of earlier cells with the same text, for columns with few distinct values */
  memo: Map<string, CellResult> | null;
}

const MEMO_KINDS = new Set(['code', 'codes', 'bool', 'tags']);

function planColumns(map: HeaderMap, columns: readonly SheetColumn[]): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  columns.forEach((column, at) => {
    const index = map.get(column.header);
    if (index === undefined) return;
    plans.push({ at, column, index, letter: columnLetter(index), memo: MEMO_KINDS.has(column.kind) ? new Map() : null });
  });
  return plans;
}

/** How a value of a staging column is written as one CSV field (unquoted empty is NULL). */
function encoderOf(type: string | undefined): (value: unknown) => string {
  if (type === 'jsonb') return (v) => (v === null || v === undefined ? '' : csvField(JSON.stringify(v)));
  return csvField;
}

/** Staged household columns after the fixed ones, in the order the CSV writes them. */
const HOUSEHOLD_STAGED = HOUSEHOLD_DATA_COLUMNS.filter((c) => c.db !== 'household_number').map((c) => ({
  at: HOUSEHOLD_SHEET_COLUMNS.indexOf(c.column),
  encode: encoderOf(STAGED_HOUSEHOLD_TYPES.get(c.db)),
  fallback: HOUSEHOLD_DEFAULTS[c.db] ?? null,
  db: c.db,
}));
const HOUSEHOLD_COPY_COLUMNS = [
  'township_id',
  'import_id',
  'row_no',
  'household_number',
  'valid',
  'village_id',
  'group_id',
  ...HOUSEHOLD_STAGED.map((c) => c.db),
];
/** Staged member columns after the fixed ones (the ID number is one of the fixed ones). */
const MEMBER_STAGED = MEMBER_DATA_COLUMNS.filter((c) => c.db !== 'id_number').map((c) => ({
  at: MEMBER_SHEET_COLUMNS.indexOf(c.column),
  encode: encoderOf(STAGED_MEMBER_TYPES.get(c.db)),
  fallback: MEMBER_DEFAULTS[c.db] ?? null,
  db: c.db,
}));
const MEMBER_COPY_COLUMNS = [
  'township_id',
  'import_id',
  'row_no',
  'household_number',
  'id_number',
  'name_pinyin',
  ...MEMBER_STAGED.map((c) => c.db),
];
const ERROR_COLUMNS = ['township_id', 'import_id', 'seq', 'sheet', 'row_no', 'column_letter', 'header', 'message_key', 'params'];

const H = Object.fromEntries(HOUSEHOLD_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<string, number>;
const M = Object.fromEntries(MEMBER_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<string, number>;

export function isBlank(cells: readonly unknown[]): boolean {
  for (const v of cells) if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  return true;
}

/** Reads the file into the staging tables of an import. */
export async function stageFile(
  database: Database,
  importId: string,
  path: string,
  place: StagingPlace,
  today: string,
  onProgress: (rowsRead: number) => Promise<void>,
): Promise<StageResult> {
  const t = place.townshipId;
  const villageByKey = new Map<string, StagingPlace['villages'][number]>();
  for (const v of place.villages) {
    villageByKey.set(v.name, v);
    if (v.code) villageByKey.set(v.code, v);
  }
  const tagOf = (label: string) => {
    const builtIn = codeFromLabel(HOUSEHOLD_TAGS, label);
    if (builtIn) return builtIn;
    return place.tags.find((x) => x.code === label || x.labelZh === label || x.labelEn === label)?.code;
  };
  const pinyins = new Map<string, string>();
  const pinyinOf = (name: string) => {
    let key = pinyins.get(name);
    if (key === undefined) {
      key = pinyinKey(name);
      if (pinyins.size >= PINYIN_MEMO_LIMIT) pinyins.clear();
      pinyins.set(name, key);
    }
    return key;
  };
  // Every CSV line starts with the township and the import.
  const prefix = `${csvField(t)},${csvField(importId)},`;

  let households = new CsvLines();
  let members = new CsvLines();
  let errors: unknown[][] = [];
  let errorCount = 0;
  let householdRows = 0;
  let memberRows = 0;
  let rowsRead = 0;
  const headers = { households: new Map<string, number>(), members: new Map<string, number>() };
  const plans = { households: [] as ColumnPlan[], members: [] as ColumnPlan[] };
  const seenSheets = new Set<string>();

  const addError = (e: StagedError) => {
    errorCount++;
    if (errorCount <= MAX_STORED_ERRORS)
      errors.push([
        t,
        importId,
        errorCount,
        e.sheet,
        e.row,
        e.letter,
        e.header,
        e.key,
        e.params ? JSON.stringify(e.params) : null,
      ]);
  };
  // One batch is written while the next is read: the file and the database work side by side.
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (writing) await writing;
    writing = null;
    if (!households.length && !members.length && !errors.length) return;
    const [h, m, e] = [households, members, errors];
    households = new CsvLines();
    members = new CsvLines();
    errors = [];
    const read = rowsRead;
    writing = rawTransaction(database, async (tx) => {
      if (h.length) await tx.copyIn('import_households', HOUSEHOLD_COPY_COLUMNS, h.chunks());
      if (m.length) await tx.copyIn('import_members', MEMBER_COPY_COLUMNS, m.chunks());
      if (e.length) await tx.copyIn('import_errors', ERROR_COLUMNS, toCsv(e));
    }).then(() => {
      h.release();
      m.release();
      return onProgress(read);
    });
  };

  /**
   * Reads a row's cells by column into `values` (by template position); errors go to the list.
   * Returns whether every cell was read.
   */
  const readRow = (sheet: string, row: number, cells: readonly CellValue[], columns: ColumnPlan[], values: unknown[]) => {
    let ok = true;
    for (const p of columns) {
      const cell = cells[p.index] ?? null;
      let result: CellResult | undefined;
      if (p.memo && typeof cell === 'string') {
        result = p.memo.get(cell);
        if (result === undefined) {
          result = readCell(p.column, cell, p.column.kind === 'tags' ? tagOf : undefined);
          if (p.memo.size < MEMO_LIMIT) p.memo.set(cell, result);
        }
      } else result = readCell(p.column, cell, p.column.kind === 'tags' ? tagOf : undefined);
      if (result.ok) values[p.at] = result.value;
      else {
        ok = false;
        addError({
          sheet,
          row,
          letter: p.letter,
          header: p.column.header,
          key: result.key,
          ...(result.params ? { params: result.params } : {}),
        });
      }
    }
    return ok;
  };
  const at = (map: HeaderMap, header: string) => {
    const i = map.get(header);
    return i === undefined ? { letter: null, header: null } : { letter: columnLetter(i), header };
  };
  const householdValues: unknown[] = new Array(HOUSEHOLD_SHEET_COLUMNS.length);
  const memberValues: unknown[] = new Array(MEMBER_SHEET_COLUMNS.length);

  for await (const { sheet, row, cells } of readWorkbookRows(path)) {
    if (sheet !== HOUSEHOLD_SHEET && sheet !== MEMBER_SHEET) continue;
    const isHousehold = sheet === HOUSEHOLD_SHEET;
    const columns = isHousehold ? HOUSEHOLD_SHEET_COLUMNS : MEMBER_SHEET_COLUMNS;
    if (!seenSheets.has(sheet)) {
      seenSheets.add(sheet);
      // The first row a sheet yields is its header (Excel may omit leading empty rows).
      const map = headerMap(cells);
      if (isHousehold) {
        headers.households = map;
        plans.households = planColumns(map, columns);
      } else {
        headers.members = map;
        plans.members = planColumns(map, columns);
      }
      for (const c of columns)
        if (!map.has(c.header))
          addError({ sheet, row, letter: null, header: c.header, key: 'sheet.missing_column', params: { header: c.header } });
      continue;
    }
    // Blank rows (a million of them, sometimes) are skipped without a word.
    if (isBlank(cells)) continue;
    rowsRead++;
    if ((isHousehold ? householdRows : memberRows) >= MAX_ROWS) {
      addError({ sheet, row, letter: null, header: null, key: 'sheet.too_many_rows', params: { max: MAX_ROWS } });
      break;
    }
    if (isHousehold) {
      householdRows++;
      const map = headers.households;
      // A row with errors is still staged by its number (without data), so the members that
      // point at it are not also reported as belonging to no household.
      const invalid = () => {
        const numberCell = cells[map.get('户编号') ?? -1];
        const number = typeof numberCell === 'string' || typeof numberCell === 'number' ? String(numberCell).trim() : '';
        if (number) households.push(`${prefix}${row},${csvField(number)},false,,${','.repeat(HOUSEHOLD_STAGED.length)}`);
      };
      const values = householdValues;
      values.fill(undefined);
      if (!readRow(sheet, row, cells, plans.households, values)) {
        invalid();
        continue;
      }
      const villageKey = String(values[H.village as number] ?? '');
      const village = villageByKey.get(villageKey);
      if (!village) {
        addError({ sheet, row, ...at(map, '村'), key: 'sheet.unknown_village', params: { value: villageKey } });
        invalid();
        continue;
      }
      let groupId: string | null = null;
      const groupName = values[H.group as number];
      if (groupName) {
        const group = village.groups.find((g) => g.name === groupName);
        if (!group) {
          addError({
            sheet,
            row,
            ...at(map, '村民小组'),
            key: 'sheet.unknown_group',
            params: { value: String(groupName), village: village.name },
          });
          invalid();
          continue;
        }
        groupId = group.id;
      }
      const status = values[H.povertyStatus as number];
      const exitYear = values[H.exitYear as number];
      const exitProblem =
        status === 'exited' && exitYear == null
          ? 'household.exit_year_required'
          : status !== 'exited' && exitYear != null
            ? 'household.exit_year_only_exited'
            : null;
      if (exitProblem) {
        addError({ sheet, row, ...at(map, '脱贫年度'), key: exitProblem });
        invalid();
        continue;
      }
      let line = `${prefix}${row},${csvField(values[H.householdNumber as number])},true,${csvField(village.id)},${csvField(groupId)}`;
      for (const c of HOUSEHOLD_STAGED) line += `,${c.encode(values[c.at] ?? c.fallback)}`;
      households.push(line);
    } else {
      memberRows++;
      const map = headers.members;
      const values = memberValues;
      values.fill(undefined);
      if (!readRow(sheet, row, cells, plans.members, values)) continue;
      const idNumber = (values[M.idNumber as number] as string | null | undefined) ?? null;
      // Sex and birth date given in the sheet must agree with the ID number; derived ones do.
      const given = values[M.sex as number] != null || values[M.birthDate as number] != null;
      if (idNumber) {
        const parsed = parseIdNumber(idNumber, today);
        if (!parsed.ok) {
          // A wrong number is the one error of the row: sex and birth date cannot be judged by it.
          addError({ sheet, row, ...at(map, '身份证号'), key: `idcard.${parsed.problem}` });
          continue;
        }
        values[M.sex as number] ??= parsed.facts.sex;
        values[M.birthDate as number] ??= parsed.facts.birthDate;
      }
      if (!values[M.sex as number]) {
        addError({ sheet, row, ...at(map, '性别'), key: 'issue.required' });
        continue;
      }
      if (idNumber && given) {
        const identity = checkMemberIdentity(
          {
            name: String(values[M.name as number]),
            idNumber,
            sex: String(values[M.sex as number]),
            birthDate: (values[M.birthDate as number] as string | null | undefined) ?? null,
            relation: String(values[M.relation as number]),
            status: 'current',
          },
          today,
        );
        if (identity.length) {
          for (const e of identity) {
            const header = e.path === 'idNumber' ? '身份证号' : e.path === 'sex' ? '性别' : '出生日期';
            addError({
              sheet,
              row,
              ...at(map, header),
              key: e.key,
              ...(e.params ? { params: e.params as Record<string, string | number> } : {}),
            });
          }
          continue;
        }
      }
      let line = `${prefix}${row},${csvField(values[M.householdNumber as number])},${csvField(idNumber)},${csvField(pinyinOf(String(values[M.name as number])))}`;
      for (const c of MEMBER_STAGED) line += `,${c.encode(values[c.at] ?? c.fallback)}`;
      members.push(line);
    }
    if (households.length + members.length >= BATCH || errors.length >= BATCH) await flush();
  }
  for (const [sheet, name] of [
    [HOUSEHOLD_SHEET, 'households'],
    [MEMBER_SHEET, 'members'],
  ] as const) {
    if (!seenSheets.has(sheet))
      addError({ sheet, row: 1, letter: null, header: null, key: 'sheet.missing_sheet', params: { sheet } });
    else if ((name === 'households' ? householdRows : memberRows) === 0 && name === 'households') {
      addError({ sheet, row: 2, letter: null, header: null, key: 'sheet.empty', params: { sheet } });
    }
  }
  await flush();
  await flush();
  return { householdRows, memberRows, errorCount, headers };
}
