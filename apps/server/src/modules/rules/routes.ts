/** HTTP routes of key-household rule sets: versions, drafts, validation, preview, activation. */
import { randomUUID } from 'node:crypto';
import { DomainError, defaultRuleSet, RULE_KINDS, term } from '@fupin/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobs, ruleSets, units, users } from '../../db/schema/index';
import { runCommand } from '../../lib/command';
import { actorOf, run } from '../../lib/http';
import type { UnitSource } from '../../plugins/access';
import { failActivation, finishActivation, startActivation } from './commands/activate-rule-set';
import { createRuleSet, deleteRuleSet, updateRuleSet } from './commands/save-rule-set';
import { previewImpact } from './preview';
import { recomputeFlags } from './recompute';
import { activeRuleSet, evaluatorOf, getRuleSet, type RuleSetRow, townshipOfRuleSet } from './repository';

const idParams = z.object({ id: z.uuid() });
const setUnit: UnitSource = {
  resolve: (req, db) => townshipOfRuleSet(db, (req.params as { id: string }).id),
  entity: 'rule_set',
};

const ruleSetSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(['draft', 'activating', 'active', 'retired']),
  definition: z.unknown(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable(),
});

const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  detail: z.unknown(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

function present(row: RuleSetRow, createdBy: string | null): z.infer<typeof ruleSetSchema> {
  return {
    id: row.id,
    townshipId: row.townshipId,
    year: row.year,
    version: row.version,
    status: row.status,
    definition: row.definition,
    note: row.note,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  };
}

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function view(row: RuleSetRow) {
    const [user] = row.createdBy
      ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy))
      : [];
    return present(row, user?.name ?? null);
  }

  app.get(
    '/api/rules/sets',
    {
      schema: {
        tags: ['rules'],
        summary: '规则版本 Every version of the township’s rule sets, newest first',
        querystring: z.object({ townshipId: z.uuid() }),
        response: { 200: z.object({ items: z.array(ruleSetSchema) }) },
      },
      config: { access: { permission: 'rules.read', unit: { query: 'townshipId' } } },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(ruleSets)
        .where(eq(ruleSets.townshipId, req.query.townshipId))
        .orderBy(desc(ruleSets.year), desc(ruleSets.version));
      return { items: await Promise.all(rows.map(view)) };
    },
  );

  app.get(
    '/api/rules/sets/:id',
    {
      schema: { tags: ['rules'], summary: '规则版本 One rule set', params: idParams, response: { 200: ruleSetSchema } },
      config: { access: { permission: 'rules.read', unit: setUnit } },
    },
    async (req) => view(await getRuleSet(db, req.params.id)),
  );

  app.get(
    '/api/rules/active',
    {
      schema: {
        tags: ['rules'],
        summary: '生效规则 The active rule set of the township a unit is in (the form evaluates it as one types)',
        querystring: z.object({ unitId: z.uuid() }),
        response: { 200: ruleSetSchema },
      },
      config: { access: { permission: 'rules.read', unit: { query: 'unitId' } } },
    },
    async (req) => {
      const [unit] = await db.select().from(units).where(eq(units.id, req.query.unitId));
      const townshipId = unit?.townshipId;
      const row = townshipId ? await activeRuleSet(db, townshipId) : null;
      if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.rule_set') });
      return view(row);
    },
  );

  app.get(
    '/api/rules/default',
    {
      schema: {
        tags: ['rules'],
        summary: '默认规则 The default rule set of DOMAIN §3 for a year',
        querystring: z.object({ year: z.coerce.number().int().min(2013).max(2100) }),
        response: { 200: z.object({ definition: z.unknown(), kinds: z.array(z.string()) }) },
      },
      config: { access: { permission: 'rules.read', unit: 'scoped' } },
    },
    async (req) => ({ definition: defaultRuleSet(req.query.year), kinds: [...RULE_KINDS] }),
  );

  app.post(
    '/api/rules/sets',
    {
      schema: {
        tags: ['rules'],
        summary: '新建草稿 Save a new draft version (validated first)',
        body: z.object({
          id: z.uuid(),
          townshipId: z.uuid(),
          definition: z.unknown(),
          note: z.string().trim().max(500).nullish(),
        }),
        response: { 200: ruleSetSchema },
      },
      config: { access: { permission: 'rules.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      const [unit] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, req.body.townshipId));
      if (unit?.kind !== 'township') throw new DomainError('FORBIDDEN');
      const row = await run(req, createRuleSet, { ...req.body, note: req.body.note ?? null });
      return view(row as RuleSetRow);
    },
  );

  app.put(
    '/api/rules/sets/:id',
    {
      schema: {
        tags: ['rules'],
        summary: '修改草稿 Edit a draft (validated first)',
        params: idParams,
        body: z.object({ definition: z.unknown(), note: z.string().trim().max(500).nullish() }),
        response: { 200: ruleSetSchema },
      },
      config: { access: { permission: 'rules.manage', unit: setUnit } },
    },
    async (req) =>
      view(
        (await run(req, updateRuleSet, {
          id: req.params.id,
          definition: req.body.definition,
          note: req.body.note ?? null,
        })) as RuleSetRow,
      ),
  );

  app.delete(
    '/api/rules/sets/:id',
    {
      schema: { tags: ['rules'], summary: '删除草稿 Delete a draft', params: idParams, response: { 204: z.null() } },
      config: { access: { permission: 'rules.manage', unit: setUnit } },
    },
    async (req, reply) => {
      await run(req, deleteRuleSet, { id: req.params.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/rules/sets/:id/preview',
    {
      schema: {
        tags: ['rules'],
        summary: '影响预览 How many households would gain or lose each flag, with the lists',
        params: idParams,
        response: {
          200: z.object({
            households: z.number().int(),
            rules: z.array(
              z.object({
                ruleId: z.string(),
                name: z.object({ zh: z.string(), en: z.string() }),
                before: z.number().int(),
                after: z.number().int(),
                gainedTotal: z.number().int(),
                lostTotal: z.number().int(),
                gained: z.array(z.object({ id: z.string(), headName: z.string(), householdNumber: z.string().nullable() })),
                lost: z.array(z.object({ id: z.string(), headName: z.string(), householdNumber: z.string().nullable() })),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'rules.manage', unit: setUnit } },
    },
    async (req) => {
      const set = await getRuleSet(db, req.params.id);
      const active = await activeRuleSet(db, set.townshipId);
      return previewImpact(db, set.townshipId, evaluatorOf(set), active && active.id !== set.id ? active.id : null);
    },
  );

  app.post(
    '/api/rules/sets/:id/activate',
    {
      schema: {
        tags: ['rules'],
        summary: '启用 Compute the draft’s flags for every household, then make it the active set',
        params: idParams,
        response: { 200: jobSchema },
      },
      config: { access: { permission: 'rules.manage', unit: setUnit } },
    },
    async (req) => {
      const jobId = randomUUID();
      const set = await run(req, startActivation, { id: req.params.id, jobId });
      // Read the job as the command left it before starting the work: a small township's
      // recomputation can finish before a later read, and the answer is 'running'.
      const [created] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.townshipId, set.townshipId), eq(jobs.id, jobId)));
      const actor = actorOf(req);
      app.jobs.start(`activate ${set.id}`, async () => {
        try {
          const result = await recomputeFlags(database, clock, await getRuleSet(db, set.id), jobId);
          await runCommand(database, clock, actor, finishActivation, { id: set.id, jobId, result });
        } catch (error) {
          await runCommand(database, clock, actor, failActivation, {
            id: set.id,
            jobId,
            error: error instanceof Error ? error.message : String(error),
          });
          throw error;
        }
      });
      return presentJob(created as typeof jobs.$inferSelect);
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['rules'],
        summary: '后台任务 A background job’s progress',
        params: idParams,
        response: { 200: jobSchema },
      },
      config: {
        access: {
          permission: 'rules.read',
          unit: {
            resolve: async (req, d) =>
              (
                await d
                  .select({ t: jobs.townshipId })
                  .from(jobs)
                  .where(eq(jobs.id, (req.params as { id: string }).id))
              ).map((r) => r.t),
            entity: 'job',
          },
        },
      },
    },
    async (req) => {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, req.params.id)).orderBy(asc(jobs.startedAt));
      if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.job') });
      return presentJob(row);
    },
  );
};

function presentJob(row: typeof jobs.$inferSelect): z.infer<typeof jobSchema> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    total: row.total,
    done: row.done,
    detail: row.detail,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
