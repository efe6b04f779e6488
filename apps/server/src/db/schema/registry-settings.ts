/** Tags a township defines for its households beside the built-in 边缘户 and 重点户. */
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';

export const householdTags = pgTable(
  'household_tags',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'household_tags_pkey', columns: [t.townshipId, t.code] })],
);
