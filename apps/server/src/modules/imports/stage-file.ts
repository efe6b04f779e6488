/**
 * Reads an uploaded registry workbook into staging rows: every cell checked against its column,
 * every ID number against GB 11643 and the member's sex and birth date, every village and group
 * against the township. Memory stays bounded: rows go to the database in batches by COPY.
 */
import {
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
import { rawTransaction, toCsv } from '../../db/raw';
import { readWorkbookRows } from '../../io/excel/read-workbook';
import { pinyinKey } from '../../lib/pinyin';
import { HOUSEHOLD_DATA_COLUMNS, HOUSEHOLD_DEFAULTS, MEMBER_DATA_COLUMNS, MEMBER_DEFAULTS } from './columns';

const BATCH = 5000;
/** Errors kept for the preview; beyond this only the count grows. */
export const MAX_STORED_ERRORS = 5000;
/** Rows per sheet beyond which a file is refused. */
export const MAX_ROWS = 1_000_000;

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

function headerMap(cells: readonly unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  cells.forEach((v, i) => {
    if (typeof v === 'string') map.set(v.replace(/[*＊\s]/g, ''), i);
  });
  return map;
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

  let households: unknown[][] = [];
  let members: unknown[][] = [];
  let errors: unknown[][] = [];
  let errorCount = 0;
  let householdRows = 0;
  let memberRows = 0;
  let rowsRead = 0;
  const headers = { households: new Map<string, number>(), members: new Map<string, number>() };
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
    households = [];
    members = [];
    errors = [];
    const read = rowsRead;
    writing = rawTransaction(database, async (tx) => {
      if (h.length)
        await tx.copyIn('import_households', ['township_id', 'import_id', 'row_no', 'household_number', 'data'], toCsv(h));
      if (m.length)
        await tx.copyIn(
          'import_members',
          ['township_id', 'import_id', 'row_no', 'household_number', 'id_number', 'data'],
          toCsv(m),
        );
      if (e.length)
        await tx.copyIn(
          'import_errors',
          ['township_id', 'import_id', 'seq', 'sheet', 'row_no', 'column_letter', 'header', 'message_key', 'params'],
          toCsv(e),
        );
    }).then(() => onProgress(read));
  };

  /** Reads a row's cells by column; errors go to the list, values to the record. */
  const readRow = (sheet: string, row: number, cells: readonly unknown[], map: HeaderMap, columns: readonly SheetColumn[]) => {
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const c of columns) {
      const index = map.get(c.header);
      if (index === undefined) continue;
      const result = readCell(c, (cells[index] ?? null) as never, c.kind === 'tags' ? tagOf : undefined);
      if (result.ok) values[c.key] = result.value;
      else {
        ok = false;
        addError({
          sheet,
          row,
          letter: columnLetter(index),
          header: c.header,
          key: result.key,
          ...(result.params ? { params: result.params } : {}),
        });
      }
    }
    return ok ? values : null;
  };
  const at = (map: HeaderMap, header: string) => {
    const i = map.get(header);
    return i === undefined ? { letter: null, header: null } : { letter: columnLetter(i), header };
  };

  for await (const { sheet, row, cells } of readWorkbookRows(path)) {
    if (sheet !== HOUSEHOLD_SHEET && sheet !== MEMBER_SHEET) continue;
    const isHousehold = sheet === HOUSEHOLD_SHEET;
    const columns = isHousehold ? HOUSEHOLD_SHEET_COLUMNS : MEMBER_SHEET_COLUMNS;
    if (!seenSheets.has(sheet)) {
      seenSheets.add(sheet);
      // The first row a sheet yields is its header (Excel may omit leading empty rows).
      const map = headerMap(cells);
      if (isHousehold) headers.households = map;
      else headers.members = map;
      for (const c of columns)
        if (!map.has(c.header))
          addError({ sheet, row, letter: null, header: c.header, key: 'sheet.missing_column', params: { header: c.header } });
      continue;
    }
    // Blank rows (a million of them, sometimes) are skipped without a word.
    if (!cells.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''))) continue;
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
      const numberCell = cells[map.get('户编号') ?? -1];
      const invalid = () => {
        const number = typeof numberCell === 'string' || typeof numberCell === 'number' ? String(numberCell).trim() : '';
        if (number) households.push([t, importId, row, number, null]);
      };
      const values = readRow(sheet, row, cells, map, HOUSEHOLD_SHEET_COLUMNS);
      if (!values) {
        invalid();
        continue;
      }
      const village = villageByKey.get(String(values.village ?? ''));
      if (!village) {
        addError({ sheet, row, ...at(map, '村'), key: 'sheet.unknown_village', params: { value: String(values.village ?? '') } });
        invalid();
        continue;
      }
      let groupId: string | null = null;
      if (values.group) {
        const group = village.groups.find((g) => g.name === values.group);
        if (!group) {
          addError({
            sheet,
            row,
            ...at(map, '村民小组'),
            key: 'sheet.unknown_group',
            params: { value: String(values.group), village: village.name },
          });
          invalid();
          continue;
        }
        groupId = group.id;
      }
      const exitProblem =
        values.povertyStatus === 'exited' && values.exitYear == null
          ? 'household.exit_year_required'
          : values.povertyStatus !== 'exited' && values.exitYear != null
            ? 'household.exit_year_only_exited'
            : null;
      if (exitProblem) {
        addError({ sheet, row, ...at(map, '脱贫年度'), key: exitProblem });
        invalid();
        continue;
      }
      const data: Record<string, unknown> = { village_id: village.id, group_id: groupId };
      for (const { column, db } of HOUSEHOLD_DATA_COLUMNS) data[db] = values[column.key] ?? HOUSEHOLD_DEFAULTS[db] ?? null;
      households.push([t, importId, row, values.householdNumber, JSON.stringify(data)]);
    } else {
      memberRows++;
      const map = headers.members;
      const values = readRow(sheet, row, cells, map, MEMBER_SHEET_COLUMNS);
      if (!values) continue;
      const idNumber = (values.idNumber as string | null) ?? null;
      if (idNumber) {
        const parsed = parseIdNumber(idNumber, today);
        if (!parsed.ok) {
          // A wrong number is the one error of the row: sex and birth date cannot be judged by it.
          addError({ sheet, row, ...at(map, '身份证号'), key: `idcard.${parsed.problem}` });
          continue;
        }
        values.sex ??= parsed.facts.sex;
        values.birthDate ??= parsed.facts.birthDate;
      }
      if (!values.sex) {
        addError({ sheet, row, ...at(map, '性别'), key: 'issue.required' });
        continue;
      }
      const identity = checkMemberIdentity(
        {
          name: String(values.name),
          idNumber,
          sex: String(values.sex),
          birthDate: (values.birthDate as string | null) ?? null,
          relation: String(values.relation),
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
      const data: Record<string, unknown> = {};
      for (const { column, db } of MEMBER_DATA_COLUMNS) data[db] = values[column.key] ?? MEMBER_DEFAULTS[db] ?? null;
      data.name_pinyin = pinyinKey(String(values.name));
      members.push([t, importId, row, values.householdNumber, idNumber, JSON.stringify(data)]);
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
