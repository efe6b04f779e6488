/**
 * The audit log: one row per change, written in the same transaction as the change, never
 * updated or deleted (a trigger refuses both, see migration 0001). `township_id` is the tenant
 * key like every township table; records about county-level things (the county's own units and
 * accounts) carry the county's id there, so partitioning and scoping treat them alike.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    townshipId: uuid('township_id').notNull(),
    /** time-ordered (UUID v7) */
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** the unit the entity belongs to, for filtering by village */
    unitId: uuid('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.townshipId, t.id] }),
    index('audit_log_at_idx').on(t.townshipId, t.at),
    index('audit_log_entity_idx').on(t.townshipId, t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.townshipId, t.actorId, t.at),
  ],
);
