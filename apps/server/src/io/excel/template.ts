/**
 * The registry's Excel template: 填表说明 (instructions), 户信息 (households) and 成员信息
 * (members), with dropdowns on every coded column fed from a hidden 代码表 sheet, and the ID
 * column formatted as text so Excel never turns a number into a float.
 */
import {
  columnLetter,
  HOUSEHOLD_SHEET,
  HOUSEHOLD_SHEET_COLUMNS,
  MEMBER_SHEET,
  MEMBER_SHEET_COLUMNS,
  type SheetColumn,
} from '@fupin/domain';
import type { DataValidation, Worksheet } from 'exceljs';
import ExcelJS from './exceljs';

const DATA_ROWS = 20_000;
const LISTS_SHEET = '代码表';

export interface TemplateContext {
  townshipName: string;
  villages: { name: string; groups: string[] }[];
  tags: string[];
}

/** Range validations exist on worksheets at run time, though exceljs's types leave them out. */
function validations(ws: Worksheet): { add(range: string, validation: DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations;
}

export function styleHeader(ws: Worksheet, columns: readonly SheetColumn[]): void {
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 28;
  header.eachCell((cell, col) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: columns[col - 1]?.required ? 'FFB22222' : 'FF4A6FA5' } };
    const note = columns[col - 1]?.note;
    if (note) cell.note = note;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Builds the template workbook for a township. */
export async function buildRegistryTemplate(ctx: TemplateContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fupin 扶贫';
  wb.created = new Date();
  const help = wb.addWorksheet('填表说明');
  const households = wb.addWorksheet(HOUSEHOLD_SHEET);
  const members = wb.addWorksheet(MEMBER_SHEET);
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });

  // The dropdown lists, one column each.
  const listRanges = new Map<string, string>();
  const addList = (name: string, values: string[]) => {
    const col = listRanges.size + 1;
    const letter = columnLetter(col);
    lists.getCell(`${letter}1`).value = name;
    values.forEach((v, i) => {
      lists.getCell(`${letter}${i + 2}`).value = v;
    });
    listRanges.set(name, `${LISTS_SHEET}!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`);
  };
  addList(
    '村',
    ctx.villages.map((v) => v.name),
  );
  addList('村民小组', [...new Set(ctx.villages.flatMap((v) => v.groups))]);
  addList('标签', ['边缘户', '重点户', ...ctx.tags]);
  for (const c of [...HOUSEHOLD_SHEET_COLUMNS, ...MEMBER_SHEET_COLUMNS]) {
    if (c.kind === 'code' && c.vocabulary && !listRanges.has(c.header))
      addList(
        c.header,
        c.vocabulary.codes.map((code) => c.vocabulary?.labels[code]?.zh ?? code),
      );
  }

  for (const [ws, columns] of [
    [households, HOUSEHOLD_SHEET_COLUMNS],
    [members, MEMBER_SHEET_COLUMNS],
  ] as const) {
    styleHeader(ws, columns);
    columns.forEach((c, i) => {
      const letter = columnLetter(i + 1);
      const range = `${letter}2:${letter}${DATA_ROWS + 1}`;
      const list =
        c.key === 'village'
          ? listRanges.get('村')
          : c.key === 'group'
            ? listRanges.get('村民小组')
            : c.kind === 'code'
              ? listRanges.get(c.header)
              : undefined;
      if (list) {
        validations(ws).add(range, {
          type: 'list',
          allowBlank: !c.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: c.header,
          error: `请从下拉列表中选择${c.header}`,
        });
      } else if (c.kind === 'bool') {
        validations(ws).add(range, {
          type: 'list',
          allowBlank: true,
          formulae: ['"是,否"'],
          showErrorMessage: true,
          errorTitle: c.header,
          error: '请填“是”或“否”',
        });
      }
      if (c.kind === 'idNumber' || c.kind === 'text') ws.getColumn(i + 1).numFmt = '@';
      if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }

  writeInstructions(
    help,
    `${ctx.townshipName} 农户信息导入模板`,
    [
      '一户一行填在「户信息」，每位家庭成员一行填在「成员信息」，两表以户编号对应。带 * 的列必填。',
      '重复导入同一文件不会产生重复记录：农户按户编号匹配，成员按身份证号匹配，内容未变的不做修改。',
    ],
    [
      [HOUSEHOLD_SHEET, HOUSEHOLD_SHEET_COLUMNS],
      [MEMBER_SHEET, MEMBER_SHEET_COLUMNS],
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 填表说明: a title and notes, then every column of every sheet, whether it is required and how to fill it. */
export function writeInstructions(
  help: Worksheet,
  title: string,
  notes: readonly string[],
  sheets: readonly (readonly [string, readonly SheetColumn[]])[],
): void {
  help.columns = [
    { header: '工作表', key: 'sheet', width: 10 },
    { header: '列', key: 'column', width: 16 },
    { header: '必填', key: 'required', width: 6 },
    { header: '说明', key: 'note', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  notes.forEach((note, i) => {
    help.addRow({ sheet: '', column: i === 0 ? title : '', required: '', note });
  });
  for (const [sheet, columns] of sheets) {
    for (const c of columns) {
      const options = c.vocabulary
        ? `可选：${c.vocabulary.codes.map((code) => c.vocabulary?.labels[code]?.zh).join('、')}`
        : c.kind === 'bool'
          ? '填“是”或“否”'
          : '';
      help.addRow({
        sheet,
        column: c.header,
        required: c.required ? '是' : '',
        note: [c.note, options].filter(Boolean).join('；'),
      });
    }
  }
  help.getColumn('note').alignment = { wrapText: true };
}
