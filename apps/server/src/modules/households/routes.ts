/** HTTP routes of households, members and pairings. */
import {
  createHouseholdInput,
  DomainError,
  householdListItem,
  householdListQuery,
  householdSchema,
  pairInput,
  shanghaiDate,
  term,
  updateHouseholdInput,
} from '@fupin/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog } from '../../db/schema/index';
import { run } from '../../lib/http';
import { assertPermissionOn, loadScope, principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { auditEntrySchema, presentAuditEntry } from '../audit/present';
import { assertPairedIfNeeded, idVisibility, showsIdNumbers } from './access';
import { createHousehold } from './commands/create-household';
import { deleteHousehold } from './commands/delete-household';
import { pairCadre, unpairCadre } from './commands/pair-cadre';
import { updateHousehold } from './commands/update-household';
import { type ListRow, presentListItem } from './present';
import { findHousehold, listHouseholds, villageOfHousehold } from './repository';
import { householdView } from './view';

const idParams = z.object({ id: z.uuid() });
const householdUnit: UnitSource = {
  resolve: (req, db) => villageOfHousehold(db, (req.params as { id: string }).id),
  entity: 'household',
};

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const today = () => shanghaiDate(app.deps.clock.now());

  /** Loads a household for its page, as the reader may see it. */
  async function view(req: Parameters<typeof principalOf>[0], id: string) {
    const h = await findHousehold(db, id);
    if (!h) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
    await assertPairedIfNeeded(req, db, h);
    const me = principalOf(req);
    return householdView(db, me.grants, me.userId, h, today());
  }

  /** The township of a household the access check already found. */
  async function townshipOf(id: string): Promise<string> {
    const h = await findHousehold(db, id);
    if (!h) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
    return h.townshipId;
  }

  app.get(
    '/api/households',
    {
      schema: {
        tags: ['households'],
        summary: '农户列表 Households the reader may see, searchable by name, pinyin initials, ID or household number',
        querystring: householdListQuery,
        response: { 200: z.object({ items: z.array(householdListItem), total: z.number().int() }) },
      },
      config: { access: { permission: 'household.read', unit: 'scoped' } },
    },
    async (req) => {
      const me = principalOf(req);
      const idScope = await loadScope(db, me.grants, 'household.read_id');
      const visible = idVisibility(idScope);
      // Fragments of ID numbers are searched only by those who may see ID numbers at all.
      const fullIds =
        idScope.townships.length + idScope.villages.length + idScope.paired.townships.length + idScope.paired.villages.length > 0;
      const { rows, total } = await listHouseholds(db, scopeOfRequest(req), me.userId, req.query, fullIds);
      return { items: rows.map((r) => presentListItem(r as ListRow, visible(r))), total };
    },
  );

  app.get(
    '/api/households/:id',
    {
      schema: {
        tags: ['households'],
        summary: '农户 One household with members, income, housing, assistance',
        params: idParams,
        response: { 200: householdSchema },
      },
      config: { access: { permission: 'household.read', unit: householdUnit } },
    },
    async (req) => view(req, req.params.id),
  );

  app.post(
    '/api/households',
    {
      schema: {
        tags: ['households'],
        summary: '新增农户 Register a household',
        body: createHouseholdInput,
        response: { 200: householdSchema },
      },
      config: { access: { permission: 'household.manage', unit: { body: 'villageId' } } },
    },
    async (req) => {
      const { id } = await run(req, createHousehold, { household: req.body, today: today() });
      return view(req, id);
    },
  );

  app.put(
    '/api/households/:id',
    {
      schema: {
        tags: ['households'],
        summary: '修改农户 Edit a household and its members',
        params: idParams,
        body: updateHouseholdInput,
        response: { 200: householdSchema },
      },
      config: { access: { permission: 'household.manage', unit: householdUnit } },
    },
    async (req) => {
      await assertPermissionOn(req, 'household.manage', req.body.villageId);
      const townshipId = await townshipOf(req.params.id);
      await run(req, updateHousehold, { townshipId, id: req.params.id, household: req.body, today: today() });
      return view(req, req.params.id);
    },
  );

  app.delete(
    '/api/households/:id',
    {
      schema: {
        tags: ['households'],
        summary: '删除农户 Remove a household entered by mistake',
        params: idParams,
        response: { 204: z.null() },
      },
      config: { access: { permission: 'household.manage', unit: householdUnit } },
    },
    async (req, reply) => {
      await run(req, deleteHousehold, { townshipId: await townshipOf(req.params.id), id: req.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/households/:id/history',
    {
      schema: {
        tags: ['households'],
        summary: '变更记录 Every change of the household, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
      config: { access: { permission: 'household.read', unit: householdUnit } },
    },
    async (req) => {
      const me = principalOf(req);
      const h = await findHousehold(db, req.params.id);
      if (!h) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
      await assertPairedIfNeeded(req, db, h);
      const showIds = await showsIdNumbers(db, me.grants, me.userId, h);
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.townshipId, h.townshipId), eq(auditLog.entityType, 'household'), eq(auditLog.entityId, h.id)))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(500);
      return { items: rows.map((e) => presentAuditEntry(e, null, showIds)) };
    },
  );

  app.post(
    '/api/households/:id/pairings',
    {
      schema: {
        tags: ['households'],
        summary: '结对 Pair a cadre with the household',
        params: idParams,
        body: pairInput,
        response: { 200: householdSchema },
      },
      config: { access: { permission: 'household.manage', unit: householdUnit } },
    },
    async (req) => {
      const townshipId = await townshipOf(req.params.id);
      await run(req, pairCadre, {
        townshipId,
        householdId: req.params.id,
        cadreId: req.body.cadreId,
        since: req.body.since ?? today(),
      });
      return view(req, req.params.id);
    },
  );

  app.delete(
    '/api/households/:id/pairings/:cadreId',
    {
      schema: {
        tags: ['households'],
        summary: '解除结对 End a pairing',
        params: z.object({ id: z.uuid(), cadreId: z.uuid() }),
        response: { 200: householdSchema },
      },
      config: { access: { permission: 'household.manage', unit: householdUnit } },
    },
    async (req) => {
      const townshipId = await townshipOf(req.params.id);
      await run(req, unpairCadre, { townshipId, householdId: req.params.id, cadreId: req.params.cadreId });
      return view(req, req.params.id);
    },
  );
};
