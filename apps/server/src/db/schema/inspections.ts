/**
 * The big inspection (大排查): sites of the villages, checklists (settings), and inspections —
 * a village's self-check, a sector leader's sweep, the county's and the area leaders'
 * cross-checks — whose failed items become problems in the ledger.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

export const sites = pgTable(
  'sites',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** a site closed or merged keeps its history but leaves the checklists */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'sites_pkey', columns: [t.townshipId, t.id] }),
    index('sites_village_idx').on(t.townshipId, t.villageId),
  ],
);

export const checklists = pgTable(
  'checklists',
  {
    townshipId: uuid('township_id').notNull(),
    id: uuid('id').notNull(),
    /** a site kind (clinic …) or a sector (education …) */
    target: text('target').notNull(),
    scope: text('scope').$type<'site' | 'sector'>().notNull(),
    /** the name of a site kind the township added (the defaults are named in the domain) */
    label: text('label'),
    /** [{ code, text, evidence: photo | document | none }] */
    items: jsonb('items').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'checklists_pkey', columns: [t.townshipId, t.id] }),
    unique('checklists_target_key').on(t.townshipId, t.target),
  ],
);

export type InspectionKind = 'village_self' | 'sector' | 'county_crosscheck' | 'town_crosscheck';

export const inspections = pgTable(
  'inspections',
  {
    townshipId: uuid('township_id').notNull(),
    /** made by the client: a retry is the same inspection */
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind').$type<InspectionKind>().notNull(),
    villageId: uuid('village_id'),
    siteId: uuid('site_id'),
    sector: text('sector'),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    /** [{ code, ok, note, householdId? }] and, for cross-checks, reviews of closed problems */
    results: jsonb('results').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'inspections_pkey', columns: [t.townshipId, t.id] }),
    index('inspections_village_idx').on(t.townshipId, t.campaignId, t.villageId),
  ],
);
