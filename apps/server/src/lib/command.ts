/**
 * Runs a use case: one transaction, the actor, the clock's reading and the audit writer,
 * handed to a command as its context. Every write of the application goes through here.
 */
import type { Database, Tx } from '../db/client';
import { noteWrite } from '../db/read-routing';
import { type Actor, AuditWriter } from '../modules/audit/writer';
import { forgetPrincipals } from '../modules/auth/session';
import type { Clock } from './clock';

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  /** the instant of the command, read once so every row it writes agrees */
  now: Date;
  audit: AuditWriter;
}

export type Command<I, O> = (ctx: CommandContext, input: I) => Promise<O>;

/** Runs a command in one transaction. */
export async function runCommand<I, O>(
  database: Database,
  clock: Clock,
  actor: Actor,
  command: Command<I, O>,
  input: I,
): Promise<O> {
  const now = clock.now();
  let result: O;
  try {
    result = await database.db.transaction(async (tx) =>
      command({ tx, actor, now, audit: new AuditWriter(tx, actor, now) }, input),
    );
  } finally {
    // Any command may have changed who may do what (accounts, roles, sessions): requests read it afresh.
    forgetPrincipals();
  }
  // With a read replica, the writer's reports stay on the primary until the replica has this write.
  await noteWrite(database, actor.userId);
  return result;
}

/** The actor of work the system does by itself (seeding, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', ip: null, requestId: null };
