/**
 * The one problem ledger (附件6) that visits, inspections, cross-checks and the competition all
 * feed, with the history of every problem.
 */
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
