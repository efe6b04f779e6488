/** What visits found to differ from the registry, for the village to accept or reject. */
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { discrepancies, households, members, users, visits } from '../../db/schema/index';
import { run } from '../../lib/http';
import { scopeOfRequest, type UnitSource } from '../../plugins/access';
import { currentValue, decideDiscrepancy } from './commands/decide-discrepancy';

const discrepancySchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  headName: z.string(),
  householdNumber: z.string().nullable(),
  villageId: z.uuid(),
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  kind: z.enum(['field', 'member_status', 'member_new']),
  field: z.string().nullable(),
  registryValue: z.unknown(),
  observedValue: z.unknown(),
  currentValue: z.unknown(),
  /** the registry changed after the visit: the decider must look at all three values */
  conflict: z.boolean(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  visitorName: z.string(),
  visitedAt: z.string(),
  decisionNote: z.string().nullable(),
});

const discrepancyUnit: UnitSource = {
  resolve: async (req, db) => {
    const rows = await db
      .select({ villageId: households.villageId })
      .from(discrepancies)
      .innerJoin(
        households,
        and(eq(households.townshipId, discrepancies.townshipId), eq(households.id, discrepancies.householdId)),
      )
      .where(eq(discrepancies.id, (req.params as { id: string }).id));
    return rows.length ? rows.map((r) => r.villageId) : null;
  },
  entity: 'discrepancy',
};

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/discrepancies',
    {
      schema: {
        tags: ['visits'],
        summary: '台账不一致项 What visits found to differ from the registry',
        querystring: z.object({
          villageId: z.uuid().optional(),
          householdId: z.uuid().optional(),
          status: z.enum(['pending', 'accepted', 'rejected']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(discrepancySchema) }) },
      },
      config: { access: { permission: 'household.manage', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const where: (SQL | undefined)[] = [];
      const inScope: SQL[] = [];
      if (scope.townships.length) inScope.push(inArray(households.townshipId, scope.townships));
      if (scope.villages.length) inScope.push(inArray(households.villageId, scope.villages));
      if (inScope.length === 0) return { items: [] };
      where.push(or(...inScope));
      if (req.query.villageId) where.push(eq(households.villageId, req.query.villageId));
      if (req.query.householdId) where.push(eq(households.id, req.query.householdId));
      if (req.query.status) where.push(eq(discrepancies.status, req.query.status));
      const rows = await db
        .select({
          d: discrepancies,
          headName: households.headName,
          householdNumber: households.householdNumber,
          villageId: households.villageId,
          visitedAt: visits.visitedAt,
          visitorName: users.displayName,
          memberName: members.name,
        })
        .from(discrepancies)
        .innerJoin(
          households,
          and(eq(households.townshipId, discrepancies.townshipId), eq(households.id, discrepancies.householdId)),
        )
        .innerJoin(visits, and(eq(visits.townshipId, discrepancies.townshipId), eq(visits.id, discrepancies.visitId)))
        .innerJoin(users, eq(users.id, visits.visitorId))
        .leftJoin(members, and(eq(members.townshipId, discrepancies.townshipId), eq(members.id, discrepancies.memberId)))
        .where(and(...where))
        .orderBy(desc(discrepancies.createdAt))
        .limit(req.query.limit);
      const items = [];
      for (const r of rows) {
        const current = await db.transaction((tx) => currentValue(tx, r.d));
        items.push({
          id: r.d.id,
          householdId: r.d.householdId,
          headName: r.headName,
          householdNumber: r.householdNumber,
          villageId: r.villageId,
          memberId: r.d.memberId,
          memberName:
            r.memberName ?? (r.d.kind === 'member_new' ? ((r.d.observedValue as { name?: string })?.name ?? null) : null),
          kind: r.d.kind,
          field: r.d.field,
          registryValue: r.d.registryValue,
          observedValue: r.d.observedValue,
          currentValue: current,
          conflict:
            r.d.kind !== 'member_new' &&
            r.d.status === 'pending' &&
            JSON.stringify(current ?? null) !== JSON.stringify(r.d.registryValue ?? null),
          status: r.d.status,
          visitorName: r.visitorName,
          visitedAt: r.visitedAt.toISOString(),
          decisionNote: r.d.decisionNote,
        });
      }
      return { items };
    },
  );

  app.post(
    '/api/discrepancies/:id/decide',
    {
      schema: {
        tags: ['visits'],
        summary: '采纳或不采纳 Accept a finding into the registry, or reject it',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          decision: z.enum(['accept', 'reject']),
          note: z.string().trim().max(300).nullish(),
          confirmConflict: z.boolean().default(false),
        }),
        response: { 200: z.object({ id: z.uuid(), status: z.string(), conflict: z.boolean() }) },
      },
      config: { access: { permission: 'household.manage', unit: discrepancyUnit } },
    },
    async (req) =>
      run(req, decideDiscrepancy, {
        id: req.params.id,
        decision: req.body.decision,
        note: req.body.note ?? null,
        confirmConflict: req.body.confirmConflict,
      }),
  );
};
