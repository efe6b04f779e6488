/** HTTP routes of the campaign calendar. */
import { DomainError, PHASE_CODES, term } from '@fupin/domain';
import { clientId } from '@fupin/domain/schemas/common';
import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaigns, units } from '../../db/schema/index';
import { run } from '../../lib/http';
import type { UnitSource } from '../../plugins/access';
import { createCampaign, updateCampaign } from './commands/save-campaign';
import { type CampaignRow, currentCampaign, getCampaign, townshipOfCampaign } from './repository';

const phase = z.object({ code: z.enum(PHASE_CODES), start: z.iso.date(), end: z.iso.date() });
export const campaignSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  phases: z.array(phase),
  updatedAt: z.string(),
});

export function presentCampaign(row: CampaignRow): z.infer<typeof campaignSchema> {
  return {
    id: row.id,
    townshipId: row.townshipId,
    year: row.year,
    name: row.name,
    phases: row.phases as z.infer<typeof phase>[],
    updatedAt: row.updatedAt.toISOString(),
  };
}

const campaignUnit: UnitSource = {
  resolve: (req, db) => townshipOfCampaign(db, (req.params as { id: string }).id),
  entity: 'campaign',
};

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: '行动年度 The township’s campaigns, newest first',
        querystring: z.object({ townshipId: z.uuid() }),
        response: { 200: z.object({ items: z.array(campaignSchema) }) },
      },
      config: { access: { permission: 'unit.read', unit: { query: 'townshipId' } } },
    },
    async (req) => ({
      items: (
        await db.select().from(campaigns).where(eq(campaigns.townshipId, req.query.townshipId)).orderBy(desc(campaigns.year))
      ).map(presentCampaign),
    }),
  );

  app.get(
    '/api/campaigns/current',
    {
      schema: {
        tags: ['campaigns'],
        summary: '当前行动 The current campaign of the township a unit is in',
        querystring: z.object({ unitId: z.uuid() }),
        response: { 200: campaignSchema },
      },
      config: { access: { permission: 'unit.read', unit: { query: 'unitId' } } },
    },
    async (req) => {
      const [unit] = await db.select().from(units).where(eq(units.id, req.query.unitId));
      const row = unit?.townshipId ? await currentCampaign(db, unit.townshipId, app.deps.clock.now()) : null;
      if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.campaign') });
      return presentCampaign(row);
    },
  );

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: '新建行动年度 A year’s campaign with the default calendar',
        body: z.object({
          id: clientId,
          townshipId: z.uuid(),
          year: z.number().int().min(2013).max(2100),
          name: z.string().trim().min(1).max(60),
          phases: z.array(phase).optional(),
        }),
        response: { 200: campaignSchema },
      },
      config: { access: { permission: 'campaign.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => presentCampaign((await run(req, createCampaign, req.body)) as CampaignRow),
  );

  app.put(
    '/api/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: '修改行动日程 Change the phases’ dates',
        params: z.object({ id: z.uuid() }),
        body: z.object({ name: z.string().trim().min(1).max(60), phases: z.array(phase) }),
        response: { 200: campaignSchema },
      },
      config: { access: { permission: 'campaign.manage', unit: campaignUnit } },
    },
    async (req) => {
      await getCampaign(db, req.params.id);
      return presentCampaign((await run(req, updateCampaign, { id: req.params.id, ...req.body })) as CampaignRow);
    },
  );
};
