/**
 * Where each sheet column goes in the database. The sheet definitions live in the domain
 * (shared with the web and the export); this file only names the table columns. The staging
 * tables carry the same columns, with the same names and types, as `households` and `members`.
 */
import { HOUSEHOLD_SHEET_COLUMNS, MEMBER_SHEET_COLUMNS, type SheetColumn } from '@fupin/domain';
import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { importHouseholds, importMembers } from '../../db/schema/index';

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

/** Every column of a staged household that an import sets and compares. */
export const HOUSEHOLD_KEYS = ['village_id', 'group_id', ...HOUSEHOLD_DATA_COLUMNS.map((c) => c.db)];

/** Every column of a staged member that an import sets and compares. */
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

/** The SQL type of each column of a table, by column name (`text[]`, `jsonb`, `numeric(12, 2)` …). */
function sqlTypes(table: PgTable): Map<string, string> {
  return new Map(Object.values(getTableColumns(table)).map((c: PgColumn) => [c.name, c.getSQLType()]));
}

/** Column types of the staging tables, for writing their COPY data. */
export const STAGED_HOUSEHOLD_TYPES = sqlTypes(importHouseholds);
export const STAGED_MEMBER_TYPES = sqlTypes(importMembers);
