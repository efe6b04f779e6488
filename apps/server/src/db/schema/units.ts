/**
 * The unit tree. A shared (reference) table, not a township table: it is small (a county has
 * a few thousand units), every request reads it for scope checks, and county-level units belong
 * to no township. Each row carries its whole ancestor chain (county, township, village) so
 * "is U under A" is one comparison and a list can filter by any level without recursion.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<'county' | 'township' | 'village' | 'group'>().notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    countyId: uuid('county_id')
      .notNull()
      .references((): AnyPgColumn => units.id),
    /** null only for a county */
    townshipId: uuid('township_id').references((): AnyPgColumn => units.id),
    /** set for groups only */
    villageId: uuid('village_id').references((): AnyPgColumn => units.id),
    code: varchar('code', { length: 12 }).unique('units_code_key'),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId, t.sortOrder),
    index('units_township_idx').on(t.townshipId),
    check('units_kind_check', sql`${t.kind} in ('county', 'township', 'village', 'group')`),
    check(
      'units_chain_check',
      sql`(${t.kind} = 'county' and ${t.parentId} is null and ${t.townshipId} is null and ${t.countyId} = ${t.id})
       or (${t.kind} = 'township' and ${t.parentId} = ${t.countyId} and ${t.townshipId} = ${t.id})
       or (${t.kind} = 'village' and ${t.parentId} = ${t.townshipId} and ${t.villageId} is null)
       or (${t.kind} = 'group' and ${t.parentId} = ${t.villageId})`,
    ),
  ],
);
