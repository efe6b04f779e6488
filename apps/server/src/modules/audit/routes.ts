/** The audit log, for the township office and the discipline commission. */
import { addDays, DomainError, startOfShanghaiDay } from '@fupin/domain';
import { isoDate, pageQuery } from '@fupin/domain/schemas/common';
import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog, units } from '../../db/schema/index';
import { loadScope, principalOf, scopeOfRequest } from '../../plugins/access';
import { auditEntrySchema, presentAuditEntry } from './present';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '操作日志 Every change, newest first',
        querystring: pageQuery.extend({
          from: isoDate.optional(),
          to: isoDate.optional(),
          actorId: z.uuid().optional(),
          actor: z.string().trim().max(40).optional(),
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(80).optional(),
          action: z.string().max(40).optional(),
          unitId: z.uuid().optional(),
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }) },
      },
      config: { access: { permission: 'audit.read', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const tenants = [...scope.townships, ...scope.counties];
      if (tenants.length === 0) throw new DomainError('FORBIDDEN');
      const q = req.query;
      const conditions: (SQL | undefined)[] = [inArray(auditLog.townshipId, tenants)];
      // Dates are Beijing calendar days: "to 03-13" includes the whole of the 13th.
      if (q.from) conditions.push(gte(auditLog.at, startOfShanghaiDay(q.from)));
      if (q.to) conditions.push(lt(auditLog.at, startOfShanghaiDay(addDays(q.to, 1))));
      if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
      if (q.actor) conditions.push(ilike(auditLog.actorName, `%${q.actor.replace(/[%_\\]/g, '\\$&')}%`));
      if (q.entityType) conditions.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
      if (q.action) conditions.push(eq(auditLog.action, q.action));
      if (q.unitId) {
        const under = db
          .select({ id: units.id })
          .from(units)
          .where(or(eq(units.id, q.unitId), eq(units.townshipId, q.unitId), eq(units.villageId, q.unitId)));
        conditions.push(inArray(auditLog.unitId, under));
      }
      const where = and(...conditions);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      const rows = await db
        .select({ entry: auditLog, unitName: units.name })
        .from(auditLog)
        .leftJoin(units, eq(units.id, auditLog.unitId))
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.limit)
        .offset(q.offset);
      const idScope = await loadScope(db, principalOf(req).grants, 'household.read_id');
      const townshipsWithIds = new Set(idScope.townships);
      const villagesWithIds = new Set(idScope.villages);
      return {
        total: total?.n ?? 0,
        items: rows.map(({ entry, unitName }) =>
          presentAuditEntry(
            entry,
            unitName,
            townshipsWithIds.has(entry.townshipId) || (entry.unitId !== null && villagesWithIds.has(entry.unitId)),
          ),
        ),
      };
    },
  );
};
