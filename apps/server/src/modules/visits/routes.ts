/** HTTP routes of the big visit: a person's tasks (with what the phone needs offline), submitting forms, reading visits. */
import { DomainError, householdSchema, PHASE_CODES, shanghaiDate, term, type VisitForm, visitForm } from '@fupin/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { households, units, users, visits } from '../../db/schema/index';
import { actorOf } from '../../lib/http';
import { loadScope, principalOf, type UnitSource } from '../../plugins/access';
import { getCampaign, phasesOf, townshipOfCampaign } from '../campaigns/repository';
import { campaignSchema, presentCampaign } from '../campaigns/routes';
import { assertPairedIfNeeded } from '../households/access';
import { findHousehold, villageOfHousehold } from '../households/repository';
import { householdView } from '../households/view';
import { activeRuleSet } from '../rules/repository';
import { submitVisit } from './commands/submit-visit';
import {
  getVisit,
  householdWithPairing,
  type SubmissionReads,
  submissionReads,
  townshipOfCampaignCached,
  villageOfVisit,
} from './repository';
import { tasksOf } from './tasks';

const taskSchema = z.object({
  householdId: z.uuid(),
  villageId: z.uuid(),
  type: z.enum(['not_out', 'exited', 'marginal', 'key']).nullable(),
  formType: z.enum(['registered', 'marginal_key']),
  reason: z.enum(['paired', 'survey']),
  state: z.enum(['upcoming', 'due', 'done', 'late', 'missing']),
  visits: z.number().int(),
  lastVisitAt: z.string().nullable(),
});

const visitSummarySchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  campaignId: z.uuid(),
  visitorId: z.uuid(),
  visitorName: z.string(),
  formType: z.enum(['registered', 'marginal_key']),
  visitedAt: z.string(),
  receivedAt: z.string(),
  plausibility: z.unknown(),
  computed: z.unknown(),
});

/** Anyone with work anywhere in the campaign's township: a village's staff, a cadre of one village. */
const campaignTownship: UnitSource = {
  resolve: async (req, d) => {
    const ids = await townshipOfCampaign(d, (req.query as { campaignId: string }).campaignId);
    if (!ids) return null;
    const villages = await d
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.townshipId, ids[0] as string), eq(units.kind, 'village')));
    return [...ids, ...villages.map((v) => v.id)];
  },
  entity: 'campaign',
};

/** What the access check read for a submission, kept for the handler. */
interface Submission {
  paired: boolean;
  /** everything the command needs, when the household is of the campaign's township (see SubmitInput) */
  reads: SubmissionReads | null;
}
const submissions = new WeakMap<FastifyRequest, Submission>();

/**
 * The household a submission is for: its village for the access check. The one read that finds
 * it (submissionReads, by the campaign's township) also reads all the command needs, so a
 * submission reads once. A household of another township than the campaign's (a bad form) is
 * found by its id alone, and the command refuses it.
 */
const householdFromBody: UnitSource = {
  resolve: async (req, db) => {
    const form = req.body as VisitForm;
    const userId = principalOf(req).userId;
    const townshipId = await townshipOfCampaignCached(db, form.campaignId);
    const reads = townshipId
      ? await submissionReads(db, {
          townshipId,
          campaignId: form.campaignId,
          visitId: form.id,
          householdId: form.householdId,
          visitorId: userId,
          visitedAt: new Date(form.visitedAt),
        })
      : null;
    if (reads?.household) {
      submissions.set(req, { paired: reads.paired, reads });
      return [reads.household.villageId];
    }
    const found = await householdWithPairing(db, { householdId: form.householdId, campaignId: form.campaignId, userId });
    if (!found) return null;
    submissions.set(req, { paired: found.paired, reads: null });
    return [found.household.villageId];
  },
  entity: 'household',
};

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  app.get(
    '/api/visits/tasks',
    {
      schema: {
        tags: ['visits'],
        summary: '我的走访任务 The signed-in person’s visits due in a campaign, with the households for filling forms offline',
        querystring: z.object({ campaignId: z.uuid() }),
        response: {
          200: z.object({
            campaign: campaignSchema,
            tasks: z.array(taskSchema),
            households: z.array(householdSchema),
            /** the active rule set, so the form shows flags as the cadre types, offline too */
            ruleSet: z.object({ id: z.uuid(), definition: z.unknown() }).nullable(),
            phases: z.array(z.enum(PHASE_CODES)),
          }),
        },
      },
      config: { access: { permission: 'visit.submit', unit: campaignTownship } },
    },
    async (req) => {
      const me = principalOf(req);
      const campaign = await getCampaign(db, req.query.campaignId);
      const scope = await loadScope(db, me.grants, 'visit.submit');
      const tasks = await tasksOf(db, { ...campaign, phases: phasesOf(campaign) }, me.userId, scope, clock.now());
      const ids = tasks.map((t) => t.householdId);
      const rows = ids.length
        ? await db
            .select()
            .from(households)
            .where(and(eq(households.townshipId, campaign.townshipId), inArray(households.id, ids)))
        : [];
      const today = shanghaiDate(clock.now());
      const views = [];
      for (const h of rows) views.push(await householdView(db, me.grants, me.userId, h, today));
      const active = await activeRuleSet(db, campaign.townshipId);
      return {
        campaign: presentCampaign(campaign),
        tasks,
        households: views,
        ruleSet: active ? { id: active.id, definition: active.definition } : null,
        phases: [...PHASE_CODES],
      };
    },
  );

  app.post(
    '/api/visits',
    {
      schema: {
        tags: ['visits'],
        summary: '提交走访表 Submit a visit form (idempotent by its id; made on the phone, sent again safely)',
        body: visitForm,
        response: {
          200: z.object({
            visitId: z.uuid(),
            householdId: z.uuid(),
            problems: z.number().int(),
            discrepancies: z.number().int(),
            plausibility: z.unknown(),
            flags: z.array(z.object({ ruleId: z.string(), explanation: z.object({ zh: z.string(), en: z.string() }) })),
            stale: z.boolean(),
            duplicate: z.boolean(),
          }),
        },
      },
      config: { access: { permission: 'visit.submit', unit: householdFromBody } },
    },
    async (req) => {
      const found = submissions.get(req);
      if (!found) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
      // A cadre submits only for households paired with them (as assertPairedIfNeeded does).
      if (req.reach === 'paired' && !found.paired) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
      return submitVisit(req.server.deps, actorOf(req), {
        form: req.body,
        visitorId: principalOf(req).userId,
        reads: found.reads,
      });
    },
  );

  app.get(
    '/api/visits',
    {
      schema: {
        tags: ['visits'],
        summary: '走访记录 The visits of a household, newest first',
        querystring: z.object({ householdId: z.uuid() }),
        response: { 200: z.object({ items: z.array(visitSummarySchema) }) },
      },
      config: {
        access: {
          permission: 'visit.read',
          unit: {
            resolve: (req, d) => villageOfHousehold(d, (req.query as { householdId: string }).householdId),
            entity: 'household',
          },
        },
      },
    },
    async (req) => {
      const h = await findHousehold(db, req.query.householdId);
      if (!h) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
      await assertPairedIfNeeded(req, db, h);
      const rows = await db
        .select({ v: visits, visitorName: users.displayName })
        .from(visits)
        .innerJoin(users, eq(users.id, visits.visitorId))
        .where(and(eq(visits.townshipId, h.townshipId), eq(visits.householdId, h.id)))
        .orderBy(desc(visits.visitedAt));
      return { items: rows.map(({ v, visitorName }) => presentVisit(v, visitorName)) };
    },
  );

  app.get(
    '/api/visits/:id',
    {
      schema: {
        tags: ['visits'],
        summary: '走访表 One visit with its whole form (for printing)',
        params: z.object({ id: z.uuid() }),
        response: { 200: visitSummarySchema.extend({ form: z.unknown(), household: householdSchema }) },
      },
      config: {
        access: {
          permission: 'visit.read',
          unit: { resolve: (req, d) => villageOfVisit(d, (req.params as { id: string }).id), entity: 'visit' },
        },
      },
    },
    async (req) => {
      const v = await getVisit(db, req.params.id);
      const h = await findHousehold(db, v.householdId);
      if (!h) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
      await assertPairedIfNeeded(req, db, h);
      const [visitor] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, v.visitorId));
      const me = principalOf(req);
      return {
        ...presentVisit(v, visitor?.name ?? ''),
        form: v.form,
        household: await householdView(db, me.grants, me.userId, h, shanghaiDate(clock.now())),
      };
    },
  );
};

function presentVisit(v: typeof visits.$inferSelect, visitorName: string): z.infer<typeof visitSummarySchema> {
  return {
    id: v.id,
    householdId: v.householdId,
    campaignId: v.campaignId,
    visitorId: v.visitorId,
    visitorName,
    formType: v.formType,
    visitedAt: v.visitedAt.toISOString(),
    receivedAt: v.receivedAt.toISOString(),
    plausibility: v.plausibility,
    computed: v.computed,
  };
}
