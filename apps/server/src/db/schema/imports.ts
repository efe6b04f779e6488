/**
 * Excel imports of the registry. A file is read once into staging rows (normalized, with
 * every error found), previewed, then committed in one transaction. Staging rows are scratch:
 * deleted once the import is committed or abandoned.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

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

export const importHouseholds = pgTable(
  'import_households',
  {
    townshipId: uuid('township_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    householdNumber: text('household_number').notNull(),
    /** the registered household with this number, matched before preview and commit */
    householdId: uuid('household_id'),
    /** the normalized household (columns of `households` by name); null when the row had errors */
    data: jsonb('data'),
  },
  (t) => [
    primaryKey({ name: 'import_households_pkey', columns: [t.townshipId, t.importId, t.rowNo] }),
    index('import_households_number_idx').on(t.townshipId, t.importId, t.householdNumber),
  ],
);

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
    /** the normalized member: columns of `members` by name */
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ name: 'import_members_pkey', columns: [t.townshipId, t.importId, t.rowNo] }),
    index('import_members_number_idx').on(t.townshipId, t.importId, t.householdNumber),
    index('import_members_id_idx').on(t.townshipId, t.importId, t.idNumber),
  ],
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
