/** HTTP routes of a township's 派出单位 (sending units) and their heads. */
import { createWorkUnitInput, updateWorkUnitInput, workUnitSchema } from '@fupin/domain/schemas/org';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../../lib/http';
import type { UnitSource } from '../../plugins/access';
import { createWorkUnit } from './commands/create-work-unit';
import { deleteWorkUnit } from './commands/delete-work-unit';
import { updateWorkUnit } from './commands/update-work-unit';
import { listWorkUnits, townshipOfWorkUnit } from './repository';

const idParams = z.object({ id: z.uuid() });
const itsTownship: UnitSource = {
  resolve: (req, db) => townshipOfWorkUnit(db, (req.params as { id: string }).id),
  entity: 'work_unit',
};

export const workUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/work-units',
    {
      schema: {
        tags: ['units'],
        summary: '派出单位 A township’s sending units, with their heads and how many cadres each sent',
        querystring: z.object({ townshipId: z.uuid() }),
        response: { 200: z.object({ items: z.array(workUnitSchema) }) },
      },
      config: { access: { permission: 'unit.read', unit: { query: 'townshipId' } } },
    },
    async (req) => ({ items: await listWorkUnits(db, req.query.townshipId) }),
  );

  app.post(
    '/api/work-units',
    {
      schema: {
        tags: ['units'],
        summary: '新建派出单位 Add a sending unit to a township',
        body: createWorkUnitInput,
        response: { 200: workUnitSchema },
      },
      config: { access: { permission: 'unit.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => run(req, createWorkUnit, req.body),
  );

  app.patch(
    '/api/work-units/:id',
    {
      schema: {
        tags: ['units'],
        summary: '修改派出单位 Rename a sending unit or record its head',
        params: idParams,
        body: updateWorkUnitInput,
        response: { 200: workUnitSchema },
      },
      config: { access: { permission: 'unit.manage', unit: itsTownship } },
    },
    async (req) => run(req, updateWorkUnit, { id: req.params.id, patch: req.body }),
  );

  app.delete(
    '/api/work-units/:id',
    {
      schema: {
        tags: ['units'],
        summary: '删除派出单位 Delete a sending unit no cadre names',
        params: idParams,
        response: { 204: z.null() },
      },
      config: { access: { permission: 'unit.manage', unit: itsTownship } },
    },
    async (req, reply) => {
      await run(req, deleteWorkUnit, { id: req.params.id });
      return reply.status(204).send(null);
    },
  );
};
