/**
 * HTTP routes of the big inspection: the villages' sites, the checklists (settings), village
 * self-checks and sector sweeps, and the cross-checks of the county and the area leaders.
 */
import {
  checklistBody,
  crosscheckBody,
  DEFAULT_CHECKLISTS,
  DomainError,
  type Grant,
  inspectionBody,
  ROLE_DEFINITIONS,
  SECTORS_INSPECTED,
  SITE_KINDS,
  siteBody,
  targetCode,
} from '@fupin/domain';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checklists, inspections, sites, units, users } from '../../db/schema/index';
import { run } from '../../lib/http';
import { uuidv7 } from '../../lib/ids';
import { principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { getCampaign, townshipOfCampaign } from '../campaigns/repository';
import { getUnit } from '../org/repository';
import { saveChecklist } from './commands/save-checklist';
import { archiveSite, saveSite } from './commands/save-site';
import { submitInspection } from './commands/submit-inspection';

const siteSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
  archived: z.boolean(),
});
const checklistSchema = z.object({
  target: z.string(),
  scope: z.enum(['site', 'sector']),
  label: z.object({ zh: z.string(), en: z.string() }),
  items: z.array(z.object({ code: z.string(), text: z.string(), evidence: z.enum(['photo', 'document', 'none']) })),
  custom: z.boolean(),
});
const submitResult = z.object({ problems: z.number().int(), reopened: z.number().int(), duplicate: z.boolean() });

const siteUnit: UnitSource = {
  resolve: async (req, db) => {
    const [row] = await db
      .select({ v: sites.villageId })
      .from(sites)
      .where(eq(sites.id, (req.params as { id: string }).id));
    return row ? [row.v] : null;
  },
  entity: 'site',
};

/** A self-check is the village's; a sector sweep covers the campaign's township. */
const inspectedUnit: UnitSource = {
  resolve: async (req, db) => {
    const body = req.body as { villageId?: string | null; campaignId?: string };
    if (body.villageId) return [body.villageId];
    return townshipOfCampaign(db, body.campaignId ?? '');
  },
  entity: 'campaign',
};

/** The township named in the query, or any of its villages: any one suffices. */
const townshipOrItsVillages: UnitSource = {
  resolve: async (req, db) => {
    const townshipId = (req.query as { townshipId: string }).townshipId;
    const rows = await db
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .where(or(eq(units.id, townshipId), and(eq(units.townshipId, townshipId), eq(units.kind, 'village'))));
    return rows.some((r) => r.id === townshipId && r.kind === 'township') ? rows.map((r) => r.id) : null;
  },
  entity: 'unit',
};

/** The sectors a sector leader answers for; null when the person inspects every sector. */
function sectorsOf(grants: readonly Grant[]): Set<string> | null {
  const inspecting = grants.filter((g) => ROLE_DEFINITIONS[g.role].permissions['inspection.submit']);
  if (inspecting.some((g) => !g.sector)) return null;
  return new Set(inspecting.map((g) => g.sector as string));
}

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function checklistsOf(townshipId: string) {
    const saved = await db.select().from(checklists).where(eq(checklists.townshipId, townshipId));
    const byTarget = new Map(saved.map((c) => [c.target, c]));
    const known = [
      ...Object.entries(SITE_KINDS).map(([target, label]) => ({ target, scope: 'site' as const, label })),
      ...Object.entries(SECTORS_INSPECTED).map(([target, label]) => ({ target, scope: 'sector' as const, label })),
      ...saved
        .filter((c) => !(c.target in SITE_KINDS) && !(c.target in SECTORS_INSPECTED))
        .map((c) => ({ target: c.target, scope: c.scope, label: { zh: c.label ?? c.target, en: c.label ?? c.target } })),
    ];
    return known.map((k) => {
      const own = byTarget.get(k.target);
      return {
        ...k,
        items: (own?.items ?? DEFAULT_CHECKLISTS[k.target] ?? []) as z.infer<typeof checklistSchema>['items'],
        custom: own !== undefined,
      };
    });
  }

  app.get(
    '/api/sites',
    {
      schema: {
        tags: ['inspections'],
        summary: '场所 The sites of the villages the reader sees',
        querystring: z.object({ villageId: z.uuid().optional(), includeArchived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(siteSchema) }) },
      },
      config: { access: { permission: 'unit.read', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const where = and(
        or(
          scope.townships.length ? inArray(sites.townshipId, scope.townships) : undefined,
          scope.villages.length ? inArray(sites.villageId, scope.villages) : undefined,
          sql`false`,
        ),
        req.query.villageId ? eq(sites.villageId, req.query.villageId) : undefined,
        req.query.includeArchived === 'true' ? undefined : isNull(sites.archivedAt),
      );
      const rows = await db
        .select({ s: sites, villageName: units.name })
        .from(sites)
        .leftJoin(units, eq(units.id, sites.villageId))
        .where(where)
        .orderBy(asc(units.sortOrder), asc(units.name), asc(sites.kind), asc(sites.name));
      return {
        items: rows.map(({ s, villageName }) => ({
          id: s.id,
          villageId: s.villageId,
          villageName,
          kind: s.kind,
          name: s.name,
          archived: s.archivedAt !== null,
        })),
      };
    },
  );

  app.post(
    '/api/sites',
    {
      schema: {
        tags: ['inspections'],
        summary: '新增场所 Add a site to a village (idempotent by its id)',
        body: siteBody,
        response: { 200: siteSchema },
      },
      config: { access: { permission: 'inspection.submit', unit: { body: 'villageId' } } },
    },
    async (req) => {
      const village = await getUnit(db, req.body.villageId);
      if (village.kind !== 'village')
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.invalid_option' }]);
      const kinds = (await checklistsOf(village.townshipId as string)).filter((c) => c.scope === 'site').map((c) => c.target);
      if (!kinds.includes(req.body.kind))
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'kind', key: 'issue.invalid_option' }]);
      const s = await run(req, saveSite, { ...req.body, townshipId: village.townshipId as string });
      return {
        id: s.id,
        villageId: s.villageId,
        villageName: village.name,
        kind: s.kind,
        name: s.name,
        archived: s.archivedAt !== null,
      };
    },
  );

  app.post(
    '/api/sites/:id/archive',
    {
      schema: {
        tags: ['inspections'],
        summary: '撤销场所 Archive a closed site; its inspections and problems stay',
        params: z.object({ id: z.uuid() }),
        response: { 200: siteSchema },
      },
      config: { access: { permission: 'inspection.submit', unit: siteUnit } },
    },
    async (req) => {
      const s = await run(req, archiveSite, { id: req.params.id });
      return { id: s.id, villageId: s.villageId, villageName: null, kind: s.kind, name: s.name, archived: true };
    },
  );

  app.get(
    '/api/checklists',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查清单（附件4） The township’s checklists of site kinds and sectors',
        querystring: z.object({ townshipId: z.uuid() }),
        response: { 200: z.object({ items: z.array(checklistSchema) }) },
      },
      // Villages inspect with the township's checklists, so reading them anywhere in the township suffices.
      config: { access: { permission: 'unit.read', unit: townshipOrItsVillages } },
    },
    async (req) => ({ items: await checklistsOf(req.query.townshipId) }),
  );

  app.put(
    '/api/checklists/:target',
    {
      schema: {
        tags: ['inspections'],
        summary: '修改检查清单 Set the checklist of a site kind or sector, or add a site kind',
        params: z.object({ target: targetCode }),
        body: checklistBody,
        response: { 200: z.object({ items: z.array(checklistSchema) }) },
      },
      config: { access: { permission: 'campaign.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      const { target } = req.params;
      const isSector = target in SECTORS_INSPECTED;
      if (isSector !== (req.body.scope === 'sector'))
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'scope', key: 'issue.invalid_option' }]);
      const isNewKind = !isSector && !(target in SITE_KINDS);
      if (isNewKind && !req.body.label)
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'label', key: 'issue.required' }]);
      await run(req, saveChecklist, { ...req.body, target, label: isNewKind ? req.body.label : null, id: uuidv7(clock.now()) });
      return { items: await checklistsOf(req.body.townshipId) };
    },
  );

  app.post(
    '/api/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: '提交排查 A village’s self-check of a site, or a sector leader’s sweep (idempotent by its id)',
        body: inspectionBody,
        response: { 200: submitResult },
      },
      config: { access: { permission: 'inspection.submit', unit: inspectedUnit } },
    },
    async (req) => {
      const me = principalOf(req);
      const b = req.body;
      if (b.kind === 'sector') {
        const mine = sectorsOf(me.grants);
        if (b.sector && mine && !mine.has(b.sector)) throw new DomainError('FORBIDDEN');
        if (b.villageId) throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.invalid_option' }]);
      }
      const r = await run(req, submitInspection, { ...b, reviews: [], grants: me.grants });
      return { problems: r.problems, reopened: r.reopened, duplicate: r.duplicate };
    },
  );

  app.post(
    '/api/crosschecks',
    {
      schema: {
        tags: ['inspections'],
        summary: '交叉检查 A county work group or an area leader re-verifies a village: confirm or reopen, record what is new',
        body: crosscheckBody,
        response: { 200: submitResult },
      },
      config: { access: { permission: 'inspection.crosscheck', unit: { body: 'villageId' } } },
    },
    async (req) => {
      const me = principalOf(req);
      const county = me.grants.some(
        (g) => g.unitKind === 'county' && ROLE_DEFINITIONS[g.role].permissions['inspection.crosscheck'],
      );
      const r = await run(req, submitInspection, {
        ...req.body,
        kind: county ? 'county_crosscheck' : 'town_crosscheck',
        siteId: null,
        sector: null,
        results: [],
        grants: me.grants,
      });
      return { problems: r.problems, reopened: r.reopened, duplicate: r.duplicate };
    },
  );

  app.get(
    '/api/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: '排查记录 The inspections of a campaign the reader sees',
        querystring: z.object({
          campaignId: z.uuid(),
          villageId: z.uuid().optional(),
          kind: z.enum(['village_self', 'sector', 'county_crosscheck', 'town_crosscheck']).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                kind: z.string(),
                villageId: z.uuid().nullable(),
                villageName: z.string().nullable(),
                siteId: z.uuid().nullable(),
                sector: z.string().nullable(),
                inspectorName: z.string().nullable(),
                inspectedAt: z.string(),
                items: z.number().int(),
                failed: z.number().int(),
                problems: z.number().int(),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'problem.read', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const campaign = await getCampaign(db, req.query.campaignId);
      const rows = await db
        .select({
          i: inspections,
          villageName: units.name,
          inspectorName: users.displayName,
          problems: sql<number>`(select count(*)::int from problems p where p.township_id = ${inspections.townshipId} and p.inspection_id = ${inspections.id})`,
        })
        .from(inspections)
        .leftJoin(units, eq(units.id, inspections.villageId))
        .leftJoin(users, eq(users.id, inspections.inspectorId))
        .where(
          and(
            eq(inspections.townshipId, campaign.townshipId),
            eq(inspections.campaignId, campaign.id),
            or(
              scope.townships.includes(campaign.townshipId) ? sql`true` : undefined,
              scope.villages.length ? inArray(inspections.villageId, scope.villages) : undefined,
              sql`false`,
            ),
            req.query.villageId ? eq(inspections.villageId, req.query.villageId) : undefined,
            req.query.kind ? eq(inspections.kind, req.query.kind) : undefined,
          ),
        )
        .orderBy(desc(inspections.inspectedAt));
      return {
        items: rows.map(({ i, villageName, inspectorName, problems }) => {
          const items = (i.results as { items: { ok: boolean }[] }).items;
          return {
            id: i.id,
            kind: i.kind,
            villageId: i.villageId,
            villageName,
            siteId: i.siteId,
            sector: i.sector,
            inspectorName,
            inspectedAt: i.inspectedAt.toISOString(),
            items: items.length,
            failed: items.filter((x) => !x.ok).length,
            problems,
          };
        }),
      };
    },
  );
};
