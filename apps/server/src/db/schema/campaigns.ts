/**
 * The campaign of a year and its big visit: the calendar, the visit forms, what they found to
 * differ from the registry, and each village's summary (附件3).
 */
import {
  doublePrecision,
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
import { households } from './households';
import { units } from './units';
import { users } from './users';

export const campaigns = pgTable(
  'campaigns',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** [{ code, start, end }] in Shanghai calendar dates */
    phases: jsonb('phases').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'campaigns_pkey', columns: [t.townshipId, t.id] }),
    unique('campaigns_year_key').on(t.townshipId, t.year),
  ],
);

export const visits = pgTable(
  'visits',
  {
    townshipId: uuid('township_id').notNull(),
    /** made on the phone: a retried submission is the same visit */
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    householdId: uuid('household_id').notNull(),
    visitorId: uuid('visitor_id')
      .notNull()
      .references(() => users.id),
    formType: text('form_type').$type<'registered' | 'marginal_key'>().notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracy: doublePrecision('accuracy'),
    baseVersion: integer('base_version').notNull(),
    /** the whole form as filled */
    form: jsonb('form').notNull(),
    /** income figures and flags as the form computed them */
    computed: jsonb('computed').notNull(),
    /** far from home, too quick after another visit */
    plausibility: jsonb('plausibility').notNull(),
    membersConfirmed: integer('members_confirmed').notNull(),
  },
  (t) => [
    primaryKey({ name: 'visits_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'visits_campaign_fk',
      columns: [t.townshipId, t.campaignId],
      foreignColumns: [campaigns.townshipId, campaigns.id],
    }),
    // Visits are the record of work done: a visited household cannot be deleted.
    foreignKey({
      name: 'visits_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }),
    index('visits_household_idx').on(t.townshipId, t.campaignId, t.householdId),
    index('visits_visitor_idx').on(t.townshipId, t.visitorId, t.visitedAt),
    // A visit opened by its id alone (see households_id_idx).
    index('visits_id_idx').on(t.id),
  ],
);

export type DiscrepancyStatus = 'pending' | 'accepted' | 'rejected';

export const discrepancies = pgTable(
  'discrepancies',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    visitId: uuid('visit_id').notNull(),
    householdId: uuid('household_id').notNull(),
    /** null for a field of the household itself, or for a member the registry does not have */
    memberId: uuid('member_id'),
    kind: text('kind').$type<'field' | 'member_status' | 'member_new'>().notNull(),
    field: text('field'),
    /** what the registry said when the form was opened */
    registryValue: jsonb('registry_value'),
    observedValue: jsonb('observed_value'),
    status: text('status').$type<DiscrepancyStatus>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'discrepancies_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'discrepancies_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }).onDelete('cascade'),
    index('discrepancies_household_idx').on(t.townshipId, t.householdId, t.status),
    index('discrepancies_visit_idx').on(t.townshipId, t.visitId),
  ],
);

export const villageSummaries = pgTable(
  'village_summaries',
  {
    townshipId: uuid('township_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    /** visit (附件3) or inspection (附件5) */
    kind: text('kind').$type<'visit' | 'inspection'>().notNull().default('visit'),
    status: text('status').$type<'submitted' | 'reopened'>().notNull(),
    /** the summary as it stood when submitted */
    data: jsonb('data').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    primaryKey({ name: 'village_summaries_pkey', columns: [t.townshipId, t.campaignId, t.villageId, t.kind] }),
    foreignKey({
      name: 'village_summaries_campaign_fk',
      columns: [t.townshipId, t.campaignId],
      foreignColumns: [campaigns.townshipId, campaigns.id],
    }),
  ],
);
