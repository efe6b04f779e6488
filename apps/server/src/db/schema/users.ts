/**
 * Accounts, their role assignments and their sessions. Shared tables: one person can hold
 * roles in several townships (a county reviewer reads them all), so accounts belong to no
 * single township; each has a home unit that decides which office administers it.
 */
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { units } from './units';
import { workUnits } from './work-units';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** login name, stored lower-case */
    username: text('username').notNull().unique('users_username_key'),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    homeUnitId: uuid('home_unit_id')
      .notNull()
      .references(() => units.id),
    /** 派出单位 of an assistance cadre, in the township of the home unit */
    workUnitId: uuid('work_unit_id').references(() => workUnits.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('users_home_unit_idx').on(t.homeUnitId), index('users_work_unit_idx').on(t.workUnitId)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** the sector of a sector leader: education, medical, housing, water */
    sector: text('sector'),
    /** a title within the role, e.g. 第一书记 or 村书记 for village staff */
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('role_assignments_once').on(t.userId, t.role, t.unitId, t.sector).nullsNotDistinct(),
    index('role_assignments_unit_idx').on(t.unitId, t.role),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen copy of this table cannot log anyone in */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
