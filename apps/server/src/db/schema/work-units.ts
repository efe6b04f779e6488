/**
 * 派出单位: the units a township's assistance cadres are sent from (a county bureau, a township
 * office), with their heads, who answer for the cadres they send (有关单位负责人, DOMAIN §7). A
 * shared table like `users`, which points at it; every read is scoped by its township.
 */
import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';

export const workUnits = pgTable(
  'work_units',
  {
    id: uuid('id').primaryKey(),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** the head by name: a bureau's head rarely has an account here */
    headName: text('head_name'),
    headTitle: text('head_title'),
    headPhone: text('head_phone'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // The unique key also serves a township's list.
  (t) => [unique('work_units_name_key').on(t.townshipId, t.name)],
);
