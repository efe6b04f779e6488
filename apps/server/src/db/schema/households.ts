/**
 * The registry: households, their members and their pairing with assistance cadres.
 * Township tables: the tenant key `township_id` leads every primary key, unique constraint and
 * foreign key between them, so a row can never point into another township and the tables can
 * be partitioned or distributed by township.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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
  varchar,
} from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

const money = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' }).notNull().default(0);

export const households = pgTable(
  'households',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    groupId: uuid('group_id').references(() => units.id),
    /** 户编号 of the national registry: the external key imports match on */
    householdNumber: varchar('household_number', { length: 40 }),
    headName: text('head_name').notNull(),
    /** pinyin initials and full pinyin of the head's name, for search (zs / zhangsan) */
    headPinyin: text('head_pinyin').notNull().default(''),
    address: text('address'),
    phone: text('phone'),
    povertyStatus: text('poverty_status').notNull().default('none'),
    exitYear: integer('exit_year'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    housingStructure: text('housing_structure'),
    otherSafeHouse: boolean('other_safe_house').notNull().default(false),
    housingGrade: text('housing_grade'),
    /** name of the registered disaster hazard point the household lives at or near */
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
    industryProjects: jsonb('industry_projects').$type<string[]>().notNull().default([]),
    assistanceMeasures: jsonb('assistance_measures').$type<string[]>().notNull().default([]),
    industryFailed: boolean('industry_failed').notNull().default(false),
    employmentUnstable: boolean('employment_unstable').notNull().default(false),
    lowMotivationNote: text('low_motivation_note'),
    riskNote: text('risk_note'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'households_pkey', columns: [t.townshipId, t.id] }),
    unique('households_number_key').on(t.townshipId, t.householdNumber),
    index('households_village_idx').on(t.townshipId, t.villageId, t.groupId),
    index('households_status_idx').on(t.townshipId, t.povertyStatus),
    // A household opened by its id alone (a link, the access check) finds its row by this index in
    // each partition; the primary key (township, id) cannot serve an id without its township.
    index('households_id_idx').on(t.id),
  ],
);

export const members = pgTable(
  'members',
  {
    // No key of its own to units: members_household_fk (township_id, household_id) already ties
    // a member to a household of that township, whose township_id is itself a unit's. A second
    // check per member row cost a bulk import ~0.9 s for 350,000 members.
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    householdId: uuid('household_id').notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull().default(''),
    idNumber: varchar('id_number', { length: 18 }),
    relation: text('relation').notNull(),
    sex: text('sex').notNull(),
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
    status: text('status').notNull().default('current'),
    statusDate: date('status_date', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'members_pkey', columns: [t.townshipId, t.id] }),
    foreignKey({
      name: 'members_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }).onDelete('cascade'),
    unique('members_id_number_key').on(t.townshipId, t.idNumber),
    index('members_household_idx').on(t.townshipId, t.householdId, t.sortOrder),
  ],
);

export const pairings = pgTable(
  'pairings',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    householdId: uuid('household_id').notNull(),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => users.id),
    since: date('since', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'pairings_pkey', columns: [t.townshipId, t.householdId, t.cadreId] }),
    foreignKey({
      name: 'pairings_household_fk',
      columns: [t.townshipId, t.householdId],
      foreignColumns: [households.townshipId, households.id],
    }).onDelete('cascade'),
    index('pairings_cadre_idx').on(t.townshipId, t.cadreId),
  ],
);
