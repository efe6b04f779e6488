/**
 * Excel imports of the registry. A file is read once into staging rows (normalized, with
 * every error found), previewed, then committed in one transaction. Staging rows are scratch:
 * deleted once the import is committed or abandoned. The staging tables are UNLOGGED
 * (migrations 0011 and 0013, which Drizzle cannot express): no WAL for rows written once and deleted soon,
 * none sent to a replica; crash recovery empties them, and a commit then finds nothing staged
 * and refuses (upload again).
 */
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

/** The staging tables: an import's scratch rows, keyed by township and import. */
export const IMPORT_STAGING_TABLES = ['import_households', 'import_members', 'import_errors', 'import_flags'] as const;

export type ImportStatus = 'reading' | 'checked' | 'invalid' | 'failed' | 'committing' | 'committed';

export interface ImportCounts {
  householdRows: number;
  memberRows: number;
  householdsNew: number;
  householdsChanged: number;
  householdsUnchanged: number;
  membersNew: number;
  membersChanged: number;
  membersUnchanged: number;
}

export const imports = pgTable(
  'imports',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    /** the unit the importer chose (township or village): rows outside it are refused */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fileName: text('file_name').notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    /** rows read so far, for the progress bar */
    rowsRead: integer('rows_read').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts>(),
    /** why the file could not be read at all */
    failure: text('failure'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'imports_pkey', columns: [t.townshipId, t.id] }),
    index('imports_created_idx').on(t.townshipId, t.createdAt),
  ],
);

/** Money as the registry stores it (numeric(12,2)); staged values are already rounded to the fen. */
const money = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });

/**
 * Staged households: one row per sheet row, in typed columns named and typed as in `households`,
 * so a commit copies them without decoding and compares them column by column.
 */
export const importHouseholds = pgTable(
  'import_households',
  {
    townshipId: uuid('township_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    householdNumber: text('household_number').notNull(),
    /** the registered household with this number, matched before preview and commit */
    householdId: uuid('household_id'),
    /** false when the row had errors: it is staged by its number only (every other column null) */
    valid: boolean('valid').notNull(),
    villageId: uuid('village_id'),
    groupId: uuid('group_id'),
    address: text('address'),
    phone: text('phone'),
    povertyStatus: text('poverty_status'),
    exitYear: integer('exit_year'),
    tags: text('tags').array(),
    housingStructure: text('housing_structure'),
    otherSafeHouse: boolean('other_safe_house'),
    housingGrade: text('housing_grade'),
    hazardPoint: text('hazard_point'),
    waterQuantityOk: boolean('water_quantity_ok'),
    waterQualityOk: boolean('water_quality_ok'),
    waterConvenienceOk: boolean('water_convenience_ok'),
    waterReliabilityOk: boolean('water_reliability_ok'),
    incomeYear: integer('income_year'),
    wageIncome: money('wage_income'),
    businessIncome: money('business_income'),
    propertyIncome: money('property_income'),
    transferIncome: money('transfer_income'),
    industryProjects: jsonb('industry_projects').$type<string[]>(),
    assistanceMeasures: jsonb('assistance_measures').$type<string[]>(),
    industryFailed: boolean('industry_failed'),
    employmentUnstable: boolean('employment_unstable'),
    lowMotivationNote: text('low_motivation_note'),
    riskNote: text('risk_note'),
  },
  // Only the key: checks and commits read a whole import at once (hash joins, one sort), and
  // every further index would slow the bulk load of each import.
  (t) => [primaryKey({ name: 'import_households_pkey', columns: [t.townshipId, t.importId, t.rowNo] })],
);

/** Staged members (rows without errors), in typed columns named and typed as in `members`. */
export const importMembers = pgTable(
  'import_members',
  {
    townshipId: uuid('township_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    householdNumber: text('household_number').notNull(),
    idNumber: text('id_number'),
    /** the registered member this row updates (by ID number, else household and name) */
    memberId: uuid('member_id'),
    name: text('name'),
    namePinyin: text('name_pinyin'),
    relation: text('relation'),
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }),
    maritalStatus: text('marital_status'),
    labourCapacity: text('labour_capacity'),
    health: text('health'),
    disabilityGrade: integer('disability_grade'),
    schoolingStage: text('schooling_stage'),
    employment: text('employment'),
    medicalInsurance: boolean('medical_insurance'),
    seriousIllnessInsurance: boolean('serious_illness_insurance'),
    pensionInsurance: boolean('pension_insurance'),
    status: text('status'),
    statusDate: date('status_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ name: 'import_members_pkey', columns: [t.townshipId, t.importId, t.rowNo] })],
);

export const importErrors = pgTable(
  'import_errors',
  {
    townshipId: uuid('township_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    sheet: text('sheet').notNull(),
    rowNo: integer('row_no').notNull(),
    /** column letter, or null for an error about the whole row */
    columnLetter: text('column_letter'),
    header: text('header'),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>(),
  },
  (t) => [primaryKey({ name: 'import_errors_pkey', columns: [t.townshipId, t.importId, t.seq] })],
);

/**
 * Flags of the households an import creates, computed from their staged rows while the commit's
 * transaction writes them (imports/flags-from-staging.ts; on a server only). Scratch like the
 * other staging tables, and UNLOGGED with them (migration 0013). `seq` numbers a household's
 * flags from 0; a household that fired none has one row, 0, without a rule: it was evaluated.
 */
export const importFlags = pgTable(
  'import_flags',
  {
    townshipId: uuid('township_id').notNull(),
    importId: uuid('import_id').notNull(),
    householdNumber: text('household_number').notNull(),
    seq: integer('seq').notNull(),
    ruleSetId: uuid('rule_set_id'),
    ruleId: text('rule_id'),
    kind: text('kind'),
    explanationZh: text('explanation_zh'),
    explanationEn: text('explanation_en'),
    values: jsonb('values'),
  },
  (t) => [primaryKey({ name: 'import_flags_pkey', columns: [t.townshipId, t.importId, t.householdNumber, t.seq] })],
);
