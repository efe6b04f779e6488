/**
 * Writes audit records inside the command's transaction: the change and its record commit or
 * roll back together, so there is never a change without its record or a record of a change
 * that did not happen.
 */
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { uuidv7 } from '../../lib/ids';

export interface Actor {
  userId: string | null;
  name: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** the tenant: the township of the entity, or the county for county-level entities */
  townshipId: string;
  entityType: string;
  entityId: string;
  action: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  /** who did it, when not the command's actor (a login is done by the person logging in) */
  actor?: { userId: string; name: string };
}

export class AuditWriter {
  constructor(
    private readonly tx: Tx,
    private readonly actor: Actor,
    private readonly now: Date,
  ) {}

  /** Records one change to one entity. */
  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** Records several changes in one statement (bulk commands). */
  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = this.rowsOf(entries);
    for (let i = 0; i < rows.length; i += 1000) await this.tx.insert(auditLog).values(rows.slice(i, i + 1000));
  }

  /**
   * Runs a write (an INSERT, UPDATE or DELETE without RETURNING) and records its change in the
   * same statement, the write as a data-modifying WITH: one round trip where two would do, for
   * commands on a busy route. The same rows as `write` then `record`, in the same transaction.
   */
  async recordWith(write: SQLWrapper, entry: AuditEntry): Promise<void> {
    const audit = this.tx.insert(auditLog).values(this.rowsOf([entry]));
    // getSQL(): embedded as builders, Drizzle would put each statement in parentheses.
    await this.tx.execute(sql`with written as (${write.getSQL()}) ${audit.getSQL()}`);
  }

  private rowsOf(entries: readonly AuditEntry[]) {
    return entries.map((e) => auditRow(this.actor, this.now, e));
  }
}

/**
 * The audit_log row of one change, as the writer stores it. For a write that is one statement
 * outside a transaction (a statement is its own transaction), which carries this row inside it.
 */
export function auditRow(actor: Actor, now: Date, e: AuditEntry) {
  return {
    townshipId: e.townshipId,
    id: uuidv7(now),
    at: now,
    actorId: e.actor?.userId ?? actor.userId,
    actorName: e.actor?.name ?? actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    unitId: e.unitId ?? null,
    before: toJson(e.before),
    after: toJson(e.after),
    requestId: actor.requestId,
    ip: actor.ip,
  };
}

/** Dates become ISO strings and undefined becomes null, so before/after compare as stored. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}
