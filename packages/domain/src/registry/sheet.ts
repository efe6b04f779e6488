/**
 * The registry's two Excel sheets (户信息 households, 成员信息 members): their columns, and how
 * one cell's value is read and written. The template, the import and the export all use these
 * definitions, so a file exported today imports unchanged tomorrow.
 */
import {
  ASSISTANCE_MEASURES,
  type CodeLabel,
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_STATUSES,
  POVERTY_STATUS,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from './codes';

export interface Vocabulary {
  codes: readonly string[];
  labels: Record<string, CodeLabel>;
}

export type CellKind = 'text' | 'code' | 'codes' | 'bool' | 'int' | 'money' | 'date' | 'list' | 'idNumber' | 'tags';

export interface SheetColumn {
  /** the field of the household or member input it fills */
  key: string;
  header: string;
  headerEn: string;
  kind: CellKind;
  required?: boolean;
  vocabulary?: Vocabulary;
  max?: number;
  min?: number;
  width: number;
  /** shown in the template's instructions */
  note?: string;
}

export const HOUSEHOLD_SHEET = '户信息';
export const MEMBER_SHEET = '成员信息';

export const HOUSEHOLD_SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'householdNumber',
    header: '户编号',
    headerEn: 'Household number',
    kind: 'text',
    required: true,
    max: 40,
    width: 22,
    note: '全国扶贫信息系统的户编号；重复导入时按户编号匹配',
  },
  {
    key: 'village',
    header: '村',
    headerEn: 'Village',
    kind: 'text',
    required: true,
    max: 60,
    width: 12,
    note: '村名称或 12 位区划代码',
  },
  { key: 'group', header: '村民小组', headerEn: 'Group', kind: 'text', max: 60, width: 10, note: '如：一组' },
  {
    key: 'headName',
    header: '户主姓名',
    headerEn: 'Head',
    kind: 'text',
    max: 40,
    width: 10,
    note: '仅供核对；户主以成员信息表中“与户主关系”为“户主”者为准',
  },
  { key: 'address', header: '地址', headerEn: 'Address', kind: 'text', max: 200, width: 24 },
  { key: 'phone', header: '联系电话', headerEn: 'Phone', kind: 'text', max: 20, width: 14 },
  {
    key: 'povertyStatus',
    header: '贫困户状态',
    headerEn: 'Poverty status',
    kind: 'code',
    vocabulary: POVERTY_STATUS,
    required: true,
    width: 14,
  },
  {
    key: 'exitYear',
    header: '脱贫年度',
    headerEn: 'Exit year',
    kind: 'int',
    min: 2013,
    max: 2100,
    width: 10,
    note: '已脱贫户必填',
  },
  {
    key: 'tags',
    header: '标签',
    headerEn: 'Tags',
    kind: 'tags',
    width: 14,
    note: '边缘户、重点户或本镇自定义标签，多个用顿号分隔',
  },
  {
    key: 'housingStructure',
    header: '住房结构',
    headerEn: 'House structure',
    kind: 'code',
    vocabulary: HOUSING_STRUCTURES,
    width: 10,
  },
  { key: 'otherSafeHouse', header: '有其他安全住房', headerEn: 'Other safe house', kind: 'bool', width: 10 },
  { key: 'housingGrade', header: '住房安全等级', headerEn: 'House grade', kind: 'code', vocabulary: HOUSING_GRADES, width: 12 },
  {
    key: 'hazardPoint',
    header: '灾害隐患点',
    headerEn: 'Hazard point',
    kind: 'text',
    max: 100,
    width: 14,
    note: '居住在灾害隐患点（附近）时填写隐患点名称',
  },
  { key: 'waterQuantityOk', header: '饮水水量达标', headerEn: 'Water quantity', kind: 'bool', width: 10 },
  { key: 'waterQualityOk', header: '饮水水质达标', headerEn: 'Water quality', kind: 'bool', width: 10 },
  { key: 'waterConvenienceOk', header: '取水方便', headerEn: 'Water convenience', kind: 'bool', width: 10 },
  { key: 'waterReliabilityOk', header: '供水有保障', headerEn: 'Water reliability', kind: 'bool', width: 10 },
  { key: 'incomeYear', header: '收入年度', headerEn: 'Income year', kind: 'int', min: 2013, max: 2100, width: 10 },
  { key: 'wageIncome', header: '工资性收入', headerEn: 'Wage income', kind: 'money', min: 0, width: 12, note: '元/年' },
  {
    key: 'businessIncome',
    header: '生产经营性收入',
    headerEn: 'Business income',
    kind: 'money',
    width: 14,
    note: '元/年，亏损可填负数',
  },
  { key: 'propertyIncome', header: '财产性收入', headerEn: 'Property income', kind: 'money', min: 0, width: 12, note: '元/年' },
  {
    key: 'transferIncome',
    header: '转移性收入',
    headerEn: 'Transfer income',
    kind: 'money',
    min: 0,
    width: 12,
    note: '元/年（低保、养老金、各类补贴等）',
  },
  { key: 'industryProjects', header: '产业项目', headerEn: 'Industry projects', kind: 'list', width: 16, note: '多个用顿号分隔' },
  {
    key: 'assistanceMeasures',
    header: '帮扶措施',
    headerEn: 'Assistance measures',
    kind: 'codes',
    vocabulary: ASSISTANCE_MEASURES,
    width: 20,
    note: '多个用顿号分隔',
  },
  { key: 'industryFailed', header: '产业投资失败', headerEn: 'Industry failed', kind: 'bool', width: 10 },
  { key: 'employmentUnstable', header: '就业不稳定', headerEn: 'Employment unstable', kind: 'bool', width: 10 },
  { key: 'lowMotivationNote', header: '发展动力不足说明', headerEn: 'Low motivation note', kind: 'text', max: 500, width: 18 },
  { key: 'riskNote', header: '致贫风险说明', headerEn: 'Risk note', kind: 'text', max: 500, width: 18 },
];

export const MEMBER_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'householdNumber', header: '户编号', headerEn: 'Household number', kind: 'text', required: true, max: 40, width: 22 },
  { key: 'name', header: '姓名', headerEn: 'Name', kind: 'text', required: true, max: 40, width: 10 },
  {
    key: 'idNumber',
    header: '身份证号',
    headerEn: 'ID number',
    kind: 'idNumber',
    width: 21,
    note: '18 位，请设为文本格式；重复导入时按身份证号匹配',
  },
  { key: 'relation', header: '与户主关系', headerEn: 'Relation', kind: 'code', vocabulary: RELATIONS, required: true, width: 10 },
  { key: 'sex', header: '性别', headerEn: 'Sex', kind: 'code', vocabulary: SEXES, width: 6, note: '可不填，按身份证号推算' },
  { key: 'birthDate', header: '出生日期', headerEn: 'Birth date', kind: 'date', width: 12, note: '可不填，按身份证号推算' },
  { key: 'maritalStatus', header: '婚姻状况', headerEn: 'Marital status', kind: 'code', vocabulary: MARITAL_STATUSES, width: 10 },
  {
    key: 'labourCapacity',
    header: '劳动能力',
    headerEn: 'Labour capacity',
    kind: 'code',
    vocabulary: LABOUR_CAPACITIES,
    width: 16,
  },
  { key: 'health', header: '健康状况', headerEn: 'Health', kind: 'code', vocabulary: HEALTH_STATUSES, width: 10 },
  {
    key: 'disabilityGrade',
    header: '残疾等级',
    headerEn: 'Disability grade',
    kind: 'int',
    min: 1,
    max: 4,
    width: 8,
    note: '1 至 4 级',
  },
  { key: 'schoolingStage', header: '在校情况', headerEn: 'Schooling', kind: 'code', vocabulary: SCHOOLING_STAGES, width: 10 },
  { key: 'employment', header: '务工情况', headerEn: 'Employment', kind: 'code', vocabulary: EMPLOYMENTS, width: 12 },
  { key: 'medicalInsurance', header: '基本医疗保险', headerEn: 'Medical insurance', kind: 'bool', width: 10 },
  { key: 'seriousIllnessInsurance', header: '大病保险', headerEn: 'Serious-illness insurance', kind: 'bool', width: 8 },
  { key: 'pensionInsurance', header: '养老保险', headerEn: 'Pension insurance', kind: 'bool', width: 8 },
  {
    key: 'status',
    header: '人员状态',
    headerEn: 'Member status',
    kind: 'code',
    vocabulary: MEMBER_STATUSES,
    width: 8,
    note: '可不填，默认在户',
  },
  { key: 'statusDate', header: '状态变动日期', headerEn: 'Status date', kind: 'date', width: 12 },
];

/** A cell's value after the reader has unwrapped rich text and hyperlinks. */
export type CellValue = string | number | boolean | Date | null | { formula: string };

export type CellResult = { ok: true; value: unknown } | { ok: false; key: string; params?: Record<string, string | number> };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (key: string, params?: Record<string, string | number>): CellResult => ({ ok: false, key, params });

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '达标']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '不达标']);

/** Splits a list cell on 、，,；; and whitespace-separated lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A code from its Chinese or English label, or the code itself. */
export function codeFromLabel(vocabulary: Vocabulary, text: string): string | undefined {
  const t = text.trim();
  if (vocabulary.codes.includes(t)) return t;
  const lower = t.toLowerCase();
  return vocabulary.codes.find((c) => vocabulary.labels[c]?.zh === t || vocabulary.labels[c]?.en.toLowerCase() === lower);
}

function textOf(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A date written as an Excel date, 2020-03-10, 2020/3/10, 20200310 or 2020年3月10日. */
export function parseDateText(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads one cell for a column. Empty cells give null (the caller decides about required ones);
 * `tagCodeOf` maps a tag label to its code (built-in or the township's own).
 */
export function readCell(column: SheetColumn, value: CellValue, tagCodeOf?: (label: string) => string | undefined): CellResult {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return fail('sheet.formula');
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    return column.required ? fail('issue.required') : ok(null);
  }
  switch (column.kind) {
    case 'text': {
      const t = textOf(value);
      if (column.max && t.length > column.max) return fail('issue.too_long', { max: column.max });
      return ok(t);
    }
    case 'idNumber': {
      // Excel turns an 18-digit number into a float and loses the last digits.
      if (typeof value === 'number') return fail('sheet.id_as_number');
      return ok(textOf(value).toUpperCase());
    }
    case 'code': {
      const code = codeFromLabel(column.vocabulary as Vocabulary, textOf(value));
      return code === undefined ? fail('sheet.not_in_list', { value: textOf(value) }) : ok(code);
    }
    case 'codes': {
      const codes: string[] = [];
      for (const part of splitList(textOf(value))) {
        const code = codeFromLabel(column.vocabulary as Vocabulary, part);
        if (code === undefined) return fail('sheet.not_in_list', { value: part });
        if (!codes.includes(code)) codes.push(code);
      }
      return ok(codes);
    }
    case 'tags': {
      const codes: string[] = [];
      for (const part of splitList(textOf(value))) {
        const code = tagCodeOf?.(part);
        if (code === undefined) return fail('sheet.unknown_tag', { value: part });
        if (!codes.includes(code)) codes.push(code);
      }
      return ok(codes);
    }
    case 'list':
      return ok(splitList(textOf(value)));
    case 'bool': {
      if (typeof value === 'boolean') return ok(value);
      const t = textOf(value).toLowerCase();
      if (TRUE_WORDS.has(t)) return ok(true);
      if (FALSE_WORDS.has(t)) return ok(false);
      return fail('sheet.not_bool', { value: textOf(value) });
    }
    case 'int': {
      const n = typeof value === 'number' ? value : Number(textOf(value));
      if (!Number.isInteger(n)) return fail('issue.not_integer');
      if (column.min !== undefined && n < column.min) return fail('issue.too_small', { min: column.min });
      if (column.max !== undefined && n > column.max) return fail('issue.too_big', { max: column.max });
      return ok(n);
    }
    case 'money': {
      const n = typeof value === 'number' ? value : Number(textOf(value).replace(/[,，\s元]/g, ''));
      if (!Number.isFinite(n)) return fail('sheet.not_number', { value: textOf(value) });
      if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) return fail('issue.money');
      if (column.min !== undefined && n < column.min) return fail('issue.too_small', { min: column.min });
      if (Math.abs(n) > 100_000_000) return fail('issue.too_big', { max: 100_000_000 });
      return ok(Math.round(n * 100) / 100);
    }
    case 'date': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return fail('issue.invalid_date');
        // Excel dates arrive as UTC midnight of the calendar day.
        return ok(value.toISOString().slice(0, 10));
      }
      const date = parseDateText(textOf(value));
      return date ? ok(date) : fail('issue.invalid_date');
    }
  }
}

/** The value to write into a cell of an exported sheet (labels for codes, 是/否 for flags). */
export function writeCell(column: SheetColumn, value: unknown, tagLabelOf?: (code: string) => string): string | number | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'code':
      return column.vocabulary?.labels[String(value)]?.zh ?? String(value);
    case 'codes':
      return (value as string[]).map((c) => column.vocabulary?.labels[c]?.zh ?? c).join('、') || null;
    case 'tags':
      return (value as string[]).map((c) => tagLabelOf?.(c) ?? c).join('、') || null;
    case 'list':
      return (value as string[]).join('、') || null;
    case 'bool':
      return value ? '是' : '否';
    case 'int':
    case 'money':
      return Number(value);
    default:
      return String(value);
  }
}

/** The column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
