/**
 * Notifications in the app: a row per person and cause, written in the same transaction as the
 * event that causes it (an order issued, a problem assigned or escalated, a summary sent back),
 * or by the daily deadline job. A township table: the tenant key leads the primary and the
 * unique key. Only kind and parameters are stored; the words are rendered in the reader's
 * language when read (packages/domain/src/accountability/notices.ts).
 */
import type { NoticeParams, NotificationKind, NotificationLink } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';
import { users } from './users';

export const notifications = pgTable(
  'notifications',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => units.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    params: jsonb('params').$type<NoticeParams>().notNull(),
    link: jsonb('link').$type<NotificationLink | null>(),
    /** the cause, e.g. order:<id> or deadline:visit:<campaign>:2020-03-13: a second run or a retry adds nothing */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'notifications_pkey', columns: [t.townshipId, t.id] }),
    unique('notifications_dedupe_key').on(t.townshipId, t.userId, t.dedupeKey),
    // A person's list is read across the townships they work in, newest first; the badge counts the unread.
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
