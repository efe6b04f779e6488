/**
 * Where each sheet column goes in the database. The sheet definitions live in the domain
 * (shared with the web and the export); this file only names the table columns.
 */
import { HOUSEHOLD_SHEET_COLUMNS, MEMBER_SHEET_COLUMNS, type SheetColumn } from '@fupin/domain';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Household sheet columns stored directly (village and group are resolved; the head's name is derived). */
export const HOUSEHOLD_DATA_COLUMNS: { column: SheetColumn; db: string }[] = HOUSEHOLD_SHEET_COLUMNS.filter(
  (c) => !['village', 'group', 'headName'].includes(c.key),
).map((column) => ({ column, db: snake(column.key) }));

/** Member sheet columns stored directly (the household number links to the household). */
export const MEMBER_DATA_COLUMNS: { column: SheetColumn; db: string }[] = MEMBER_SHEET_COLUMNS.filter(
  (c) => c.key !== 'householdNumber',
).map((column) => ({
  column,
  db: snake(column.key),
}));

/** Every key of a staged household's data: what an import sets and compares. */
export const HOUSEHOLD_KEYS = ['village_id', 'group_id', ...HOUSEHOLD_DATA_COLUMNS.map((c) => c.db)];

/** Every key of a staged member's data. */
export const MEMBER_KEYS = [...MEMBER_DATA_COLUMNS.map((c) => c.db), 'name_pinyin'];

/** Defaults of NOT NULL columns when a cell is empty, as the table itself would give. */
export const HOUSEHOLD_DEFAULTS: Record<string, unknown> = {
  other_safe_house: false,
  wage_income: 0,
  business_income: 0,
  property_income: 0,
  transfer_income: 0,
  industry_projects: [],
  assistance_measures: [],
  industry_failed: false,
  employment_unstable: false,
  tags: [],
};

export const MEMBER_DEFAULTS: Record<string, unknown> = { status: 'current' };
