/** Glue between a request and a command: the actor, the transaction, the clock. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/writer';
import { type Command, runCommand } from './command';

/** The actor of a request: the signed-in person, with the request's address and id. */
export function actorOf(req: FastifyRequest): Actor {
  return {
    userId: req.principal?.userId ?? null,
    name: req.principal?.displayName ?? 'anonymous',
    ip: req.ip,
    requestId: req.id,
  };
}

/** Runs a command for a request in one transaction. */
export function run<I, O>(req: FastifyRequest, command: Command<I, O>, input: I): Promise<O> {
  const { database, clock } = req.server.deps;
  return runCommand(database, clock, actorOf(req), command, input);
}
