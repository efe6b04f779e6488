/**
 * The one problem ledger (附件6) that visits, inspections, cross-checks and the competition all
 * feed, with the history of every problem.
 */
import {
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Binary data (a photo); both drivers read it back as bytes. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

import { households } from './households';
import { units } from './units';
import { users } from './users';

export type ProblemStatus = 'open' | 'in_rectification' | 'submitted' | 'closed' | 'reopened';

export const problems = pgTable(
  'problems',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    source: text('source').notNull(),
    category: text('category').notNull(),
    villageId: uuid('village_id').references(() => units.id),
    householdId: uuid('household_id'),
    /** a site (扶贫工作室, 村卫生室 …) when the problem is not a household's */
    siteId: uuid('site_id'),
    description: text('description').notNull(),
    /** 整改措施 */
    measures: text('measures'),
    level: text('level').$type<'village' | 'township'>().notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').$type<ProblemStatus>().notNull(),
    /** what raised it, e.g. visit:<id>:guarantee.water — a retried submission finds its own problem */
    originKey: text('origin_key'),
    visitId: uuid('visit_id'),
    campaignId: uuid('campaign_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    /** who submitted the fix being judged: the verifier must be someone else */
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** set by the overdue job the first time the deadline is found passed */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    reopenedCount: integer('reopened_count').notNull().default(0),
    /** the inspection (self-check, sector, cross-check) that found it */
    inspectionId: uuid('inspection_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'problems_pkey', columns: [t.townshipId, t.id] }),
    unique('problems_origin_key').on(t.townshipId, t.originKey),
    // A household with problems cannot be deleted: the ledger keeps what was found.
    foreignKey({
      name: 'problems_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }),
    index('problems_village_idx').on(t.townshipId, t.villageId, t.status),
    index('problems_household_idx').on(t.townshipId, t.householdId),
    index('problems_status_idx').on(t.townshipId, t.status, t.deadline),
    // A problem opened by its id alone (see households_id_idx).
    index('problems_id_idx').on(t.id),
  ],
);

export const problemEvents = pgTable(
  'problem_events',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    problemId: uuid('problem_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    primaryKey({ name: 'problem_events_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'problem_events_problem_fk',
      columns: [t.townshipId, t.problemId],
      foreignColumns: [problems.townshipId, problems.id],
    }).onDelete('cascade'),
    index('problem_events_problem_idx').on(t.townshipId, t.problemId, t.at),
  ],
);

/** Photos and documents proving a fix, kept in the database so a backup holds them. */
export const problemEvidence = pgTable(
  'problem_evidence',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    problemId: uuid('problem_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'problem_evidence_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'problem_evidence_problem_fk',
      columns: [t.townshipId, t.problemId],
      foreignColumns: [problems.townshipId, problems.id],
    }).onDelete('cascade'),
    index('problem_evidence_problem_idx').on(t.townshipId, t.problemId),
  ],
);

/** Supervision orders (督办整改单): a set of problems, a deadline, the persons answerable. */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    /** 督办〔2020〕3号 */
    number: text('number').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    responsibleUserIds: jsonb('responsible_user_ids').$type<string[]>().notNull(),
    note: text('note'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'supervision_orders_pkey', columns: [t.townshipId, t.id] }),
    unique('supervision_orders_number_key').on(t.townshipId, t.number),
  ],
);

export const orderProblems = pgTable(
  'order_problems',
  {
    townshipId: uuid('township_id').notNull(),
    orderId: uuid('order_id').notNull(),
    problemId: uuid('problem_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'order_problems_pkey', columns: [t.townshipId, t.orderId, t.problemId] }),
    foreignKey({
      name: 'order_problems_order_fk',
      columns: [t.townshipId, t.orderId],
      foreignColumns: [supervisionOrders.townshipId, supervisionOrders.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'order_problems_problem_fk',
      columns: [t.townshipId, t.problemId],
      foreignColumns: [problems.townshipId, problems.id],
    }),
    index('order_problems_problem_idx').on(t.townshipId, t.problemId),
  ],
);
