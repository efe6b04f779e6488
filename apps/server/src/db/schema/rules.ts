/**
 * Key-household rule sets (versioned per township and year) and the flags they give each
 * household, with the explanation that says why. A draft becomes active only after its flags
 * are computed for every household, so lists never show a half-computed set.
 */
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { households } from './households';
import { units } from './units';
import { users } from './users';

export type RuleSetStatus = 'draft' | 'activating' | 'active' | 'retired';

export const ruleSets = pgTable(
  'rule_sets',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<RuleSetStatus>().notNull(),
    /** the validated RuleSetDefinition */
    definition: jsonb('definition').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'rule_sets_pkey', columns: [t.townshipId, t.id] }),
    unique('rule_sets_version_key').on(t.townshipId, t.year, t.version),
  ],
);

export const householdFlags = pgTable(
  'household_flags',
  {
    townshipId: uuid('township_id').notNull(),
    householdId: uuid('household_id').notNull(),
    ruleSetId: uuid('rule_set_id').notNull(),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    explanationZh: text('explanation_zh').notNull(),
    explanationEn: text('explanation_en').notNull(),
    /** the values that made the rule fire */
    values: jsonb('values').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'household_flags_pkey', columns: [t.townshipId, t.ruleSetId, t.householdId, t.ruleId] }),
    foreignKey({
      name: 'household_flags_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'household_flags_rule_set_fk',
      columns: [t.townshipId, t.ruleSetId],
      foreignColumns: [ruleSets.townshipId, ruleSets.id],
    }).onDelete('cascade'),
    index('household_flags_rule_idx').on(t.townshipId, t.ruleSetId, t.ruleId),
    index('household_flags_household_idx').on(t.townshipId, t.householdId),
  ],
);

/** Work the server does in the background, with its progress for the page that waits on it. */
export const jobs = pgTable(
  'jobs',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    detail: jsonb('detail'),
    error: text('error'),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'jobs_pkey', columns: [t.townshipId, t.id] })],
);
