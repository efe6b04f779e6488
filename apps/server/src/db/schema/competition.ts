/**
 * The monthly competition (大比武): the township's settings (rubric, prizes, sample size,
 * weight), rounds with their rubric frozen at creation, the households drawn for each village
 * (seed and method kept, so anyone can redraw), the groups a village nominates, which judge
 * scores which part of which village, the score sheets, objections during the publicity period,
 * and the other half of the year-end evaluation.
 */
import {
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

/** Binary data (a photo); both drivers read it back as bytes (as problem evidence is kept). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const competitionSettings = pgTable('competition_settings', {
  townshipId: uuid('township_id')
    .primaryKey()
    .references(() => units.id),
  /** the Rubric of packages/domain (three parts, items with points) */
  rubric: jsonb('rubric').notNull(),
  /** { rewards: [5000, 3000, 2000], deductions: [5000, 3000, 2000] } */
  prizes: jsonb('prizes').notNull(),
  sampleSize: integer('sample_size').notNull(),
  publicityDays: integer('publicity_days').notNull(),
  /** the competition's weight in the year-end evaluation, 0.5 to 1 */
  weight: numeric('weight', { precision: 3, scale: 2, mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});

export type RoundStatus = 'scoring' | 'closed' | 'published' | 'final';

export const competitionRounds = pgTable(
  'competition_rounds',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    status: text('status').$type<RoundStatus>().notNull(),
    /** the rubric, prizes and sample size as they were when the round began */
    rubric: jsonb('rubric').notNull(),
    prizes: jsonb('prizes').notNull(),
    sampleSize: integer('sample_size').notNull(),
    publicityDays: integer('publicity_days').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    /** the ranking as published (recomputed and compared at finalising) */
    ranking: jsonb('ranking'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'competition_rounds_pkey', columns: [t.townshipId, t.id] }),
    unique('competition_rounds_month_key').on(t.townshipId, t.month),
  ],
);

export const competitionSamples = pgTable(
  'competition_samples',
  {
    townshipId: uuid('township_id').notNull(),
    roundId: uuid('round_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    /** the SampleRecord of packages/domain: seed, method, version, population, size, drawn ids */
    record: jsonb('record').notNull(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'competition_samples_pkey', columns: [t.townshipId, t.roundId, t.villageId] })],
);

export const competitionNominations = pgTable(
  'competition_nominations',
  {
    townshipId: uuid('township_id').notNull(),
    roundId: uuid('round_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    groupIds: jsonb('group_ids').$type<string[]>().notNull(),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'competition_nominations_pkey', columns: [t.townshipId, t.roundId, t.villageId] })],
);

export const competitionAssignments = pgTable(
  'competition_assignments',
  {
    townshipId: uuid('township_id').notNull(),
    roundId: uuid('round_id').notNull(),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id),
    part: text('part').$type<'households' | 'groups' | 'village'>().notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ name: 'competition_assignments_pkey', columns: [t.townshipId, t.roundId, t.part, t.villageId, t.judgeId] }),
    index('competition_assignments_judge_idx').on(t.townshipId, t.judgeId),
  ],
);

export const competitionScores = pgTable(
  'competition_scores',
  {
    townshipId: uuid('township_id').notNull(),
    /** made by the judge's phone: a retry is the same sheet */
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    part: text('part').$type<'households' | 'groups' | 'village'>().notNull(),
    /** the household, the group, or the village scored */
    subjectId: uuid('subject_id').notNull(),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id),
    /** { itemCode: points } */
    sheet: jsonb('sheet').$type<Record<string, number>>().notNull(),
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'competition_scores_pkey', columns: [t.townshipId, t.id] }),
    unique('competition_scores_subject_key').on(t.townshipId, t.roundId, t.part, t.subjectId),
  ],
);

/** Photos a judge takes with a sheet (a leaking roof, an uncleared ruin), kept in the database so a backup holds them. */
export const competitionScorePhotos = pgTable(
  'competition_score_photos',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    scoreId: uuid('score_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'competition_score_photos_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'competition_score_photos_score_fk',
      columns: [t.townshipId, t.scoreId],
      foreignColumns: [competitionScores.townshipId, competitionScores.id],
    }).onDelete('cascade'),
    index('competition_score_photos_score_idx').on(t.townshipId, t.scoreId),
  ],
);

export const competitionObjections = pgTable(
  'competition_objections',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    villageId: uuid('village_id').references(() => units.id),
    text: text('text').notNull(),
    raisedBy: uuid('raised_by').references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    status: text('status').$type<'open' | 'answered'>().notNull(),
    outcome: text('outcome').$type<'upheld' | 'dismissed'>(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'competition_objections_pkey', columns: [t.townshipId, t.id] }),
    index('competition_objections_round_idx').on(t.townshipId, t.roundId),
  ],
);

/** The other half of a village's year-end evaluation, entered by the township office. */
export const competitionYearScores = pgTable(
  'competition_year_scores',
  {
    townshipId: uuid('township_id').notNull(),
    year: integer('year').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    otherScore: numeric('other_score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'competition_year_scores_pkey', columns: [t.townshipId, t.year, t.villageId] })],
);
