/** HTTP routes of the unit tree. */
import { createUnitInput, unitSchema, updateUnitInput } from '@fupin/domain/schemas/org';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../../lib/http';
import { forgetUnitChains, scopeOfRequest } from '../../plugins/access';
import { createUnit } from './commands/create-unit';
import { deleteUnit } from './commands/delete-unit';
import { updateUnit } from './commands/update-unit';
import { presentUnit } from './present';
import { getUnit, listUnitsInScope } from './repository';

const idParams = z.object({ id: z.uuid() });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '单位树 The units the reader may see, with their ancestors',
        response: { 200: z.object({ items: z.array(unitSchema) }) },
      },
      config: { access: { permission: 'unit.read', unit: 'scoped' } },
    },
    async (req) => ({ items: (await listUnitsInScope(db, scopeOfRequest(req))).map(presentUnit) }),
  );

  app.get(
    '/api/units/:id',
    {
      schema: { tags: ['units'], summary: '单位 One unit', params: idParams, response: { 200: unitSchema } },
      config: { access: { permission: 'unit.read', unit: { param: 'id' } } },
    },
    async (req) => presentUnit(await getUnit(db, req.params.id)),
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '新建单位 Create a unit under a parent',
        body: createUnitInput,
        response: { 200: unitSchema },
      },
      config: { access: { permission: 'unit.manage', unit: { body: 'parentId' } } },
    },
    async (req) => run(req, createUnit, req.body),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: '修改单位 Edit a unit',
        params: idParams,
        body: updateUnitInput,
        response: { 200: unitSchema },
      },
      config: { access: { permission: 'unit.manage', unit: { param: 'id' } } },
    },
    async (req) => run(req, updateUnit, { id: req.params.id, patch: req.body }),
  );

  app.delete(
    '/api/units/:id',
    {
      schema: { tags: ['units'], summary: '删除单位 Delete an unused unit', params: idParams, response: { 204: z.null() } },
      config: { access: { permission: 'unit.manage', unit: { param: 'id' } } },
    },
    async (req, reply) => {
      await run(req, deleteUnit, { id: req.params.id });
      // The access check caches units' places in the tree; a deleted unit must leave it at once.
      forgetUnitChains(db);
      return reply.status(204).send(null);
    },
  );
};
