/**
 * HTTP routes of the problem ledger (附件6): lists, one problem with its history and what the
 * reader may do with it, recording, assigning, escalating, moving it through its life, evidence.
 */
import {
  DomainError,
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemStatus,
  shanghaiDate,
  term,
  transition,
} from '@fupin/domain';
import { pageQuery } from '@fupin/domain/schemas/common';
import '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemEvidence } from '../../db/schema/index';
import { run } from '../../lib/http';
import { principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { getCampaign } from '../campaigns/repository';
import { findHousehold } from '../households/repository';
import { getUnit } from '../org/repository';
import { addEvidence, EVIDENCE_MAX_BYTES } from './commands/evidence';
import { assignProblem, escalateProblem, recordProblem } from './commands/manage-problem';
import { transitionProblem } from './commands/transition-problem';
import { historyOf, listProblems, presentProblem } from './queries';
import { cadreReaches, getProblem, type ProblemRow, permissionsOver, unitOfProblem } from './repository';

export const problemFilter = z.object({
  campaignId: z.uuid().optional(),
  villageId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  category: z.enum(PROBLEM_CATEGORIES.codes).optional(),
  source: z.enum(PROBLEM_SOURCES.codes).optional(),
  status: z.enum(PROBLEM_STATUSES).optional(),
  level: z.enum(['village', 'township']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  responsibleUserId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
});

export const problemSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  source: z.string(),
  category: z.string(),
  villageId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  siteId: z.uuid().nullable(),
  description: z.string(),
  measures: z.string().nullable(),
  level: z.enum(['village', 'township']),
  responsibleUnitId: z.uuid().nullable(),
  responsibleUserId: z.uuid().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(PROBLEM_STATUSES),
  overdue: z.boolean(),
  createdAt: z.string(),
  submittedBy: z.uuid().nullable(),
  submittedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.uuid().nullable(),
  escalatedAt: z.string().nullable(),
  reopenedCount: z.number().int(),
  version: z.number().int(),
});

const listItem = problemSchema.extend({
  villageName: z.string().nullable(),
  headName: z.string().nullable(),
  householdNumber: z.string().nullable(),
  responsibleUnitName: z.string().nullable(),
  responsibleUserName: z.string().nullable(),
});

const detailSchema = z.object({
  problem: listItem,
  events: z.array(
    z.object({
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      uploadedAt: z.string(),
      uploadedBy: z.string(),
    }),
  ),
  /** what the reader may do now, so the page shows only the buttons the server would accept */
  actions: z.array(z.enum(PROBLEM_ACTIONS)),
  canManage: z.boolean(),
  canRectify: z.boolean(),
});

const problemUnit: UnitSource = {
  resolve: (req, db) => unitOfProblem(db, (req.params as { id: string }).id),
  entity: 'problem',
};

export const problemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  /** A cadre reaches only their own problems (`cadreReaches`); the others are not found. */
  async function assertReach(req: FastifyRequest, p: ProblemRow) {
    if (req.reach === 'paired' && !(await cadreReaches(db, p, principalOf(req).userId))) {
      throw new DomainError('NOT_FOUND', { entity: term('entity.problem') });
    }
  }

  async function detail(req: FastifyRequest, id: string) {
    const me = principalOf(req);
    const p = await getProblem(db, id);
    await assertReach(req, p);
    const today = shanghaiDate(clock.now());
    const { items } = await listProblems(
      db,
      { counties: [], townships: [p.townshipId], villages: [], paired: { townships: [], villages: [] } },
      me.userId,
      { q: undefined },
      { limit: 1, offset: 0 },
      clock.now(),
      p.id,
    );
    const history = await historyOf(db, p.townshipId, p.id);
    const held = await permissionsOver(db, me.grants, me.userId, p, [
      'problem.rectify',
      'problem.verify',
      'inspection.crosscheck',
      'problem.manage',
    ]);
    const actions = PROBLEM_ACTIONS.filter(
      (action) =>
        transition({
          action,
          status: p.status as ProblemStatus,
          permissions: held,
          actorId: me.userId,
          submittedBy: p.submittedBy,
          evidenceCount: history.evidence.length,
          note: 'x',
        }).ok,
    );
    return {
      problem: items[0] ?? {
        ...presentProblem(p, today),
        villageName: null,
        headName: null,
        householdNumber: null,
        responsibleUnitName: null,
        responsibleUserName: null,
      },
      ...history,
      actions,
      canManage: held.has('problem.manage'),
      canRectify: held.has('problem.rectify'),
    };
  }

  app.get(
    '/api/problems',
    {
      schema: {
        tags: ['problems'],
        summary: '问题台账 The problems the reader may see, filtered, soonest deadline first',
        querystring: problemFilter.extend(pageQuery.shape),
        response: { 200: z.object({ items: z.array(listItem), total: z.number().int() }) },
      },
      config: { access: { permission: 'problem.read', unit: 'scoped' } },
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return listProblems(db, scopeOfRequest(req), principalOf(req).userId, filter, { limit, offset }, clock.now());
    },
  );

  app.get(
    '/api/problems/:id',
    {
      schema: {
        tags: ['problems'],
        summary: '问题详情 One problem: its record, history, evidence, and what the reader may do',
        params: z.object({ id: z.uuid() }),
        response: { 200: detailSchema },
      },
      config: { access: { permission: 'problem.read', unit: problemUnit } },
    },
    async (req) => detail(req, req.params.id),
  );

  app.post(
    '/api/problems',
    {
      schema: {
        tags: ['problems'],
        summary: '登记问题 Record a problem by hand (idempotent by its id)',
        body: z.object({
          id: z.uuid(),
          unitId: z.uuid(),
          campaignId: z.uuid().nullable().default(null),
          householdId: z.uuid().nullable().default(null),
          siteId: z.uuid().nullable().default(null),
          source: z.enum(PROBLEM_SOURCES.codes).default('sector_inspection'),
          category: z.enum(PROBLEM_CATEGORIES.codes),
          description: z.string().trim().min(2).max(500),
          level: z.enum(['village', 'township']).optional(),
          deadline: z.iso.date().nullable().default(null),
          responsibleUserId: z.uuid().nullable().default(null),
        }),
        response: { 200: detailSchema },
      },
      config: { access: { permission: 'problem.manage', unit: { body: 'unitId' } } },
    },
    async (req) => {
      const b = req.body;
      const unit = await getUnit(db, b.unitId);
      if (unit.kind !== 'village' && unit.kind !== 'township')
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'unitId', key: 'issue.invalid_option' }]);
      const townshipId = unit.kind === 'township' ? unit.id : (unit.townshipId as string);
      const villageId = unit.kind === 'village' ? unit.id : null;
      if (b.householdId) {
        const h = await findHousehold(db, b.householdId);
        if (!h || h.townshipId !== townshipId || (villageId && h.villageId !== villageId)) {
          throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'householdId', key: 'issue.invalid_option' }]);
        }
      }
      if (b.campaignId && (await getCampaign(db, b.campaignId)).townshipId !== townshipId) {
        throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'campaignId', key: 'issue.invalid_option' }]);
      }
      await run(req, recordProblem, {
        id: b.id,
        source: b.source,
        category: b.category,
        townshipId,
        villageId,
        householdId: b.householdId,
        siteId: b.siteId,
        description: b.description,
        level: b.level ?? (villageId ? 'village' : 'township'),
        deadline: b.deadline,
        responsibleUnitId: villageId ?? townshipId,
        responsibleUserId: b.responsibleUserId,
        campaignId: b.campaignId,
      });
      return detail(req, b.id);
    },
  );

  app.post(
    '/api/problems/:id/transition',
    {
      schema: {
        tags: ['problems'],
        summary: '整改流转 Start, submit (with evidence), verify and close, send back, or reopen a problem',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          action: z.enum(PROBLEM_ACTIONS),
          note: z.string().trim().max(500).nullable().default(null),
          measures: z.string().trim().max(500).nullable().default(null),
          /** the version the reader saw: a problem moved meanwhile is refused rather than moved twice */
          version: z.number().int().optional(),
        }),
        response: { 200: detailSchema },
      },
      // Reading the problem opens the door; the state machine then asks for the action's own
      // permission (rectify, verify, or cross-check) on the problem's unit.
      config: { access: { permission: 'problem.read', unit: problemUnit } },
    },
    async (req) => {
      const p = await getProblem(db, req.params.id);
      await assertReach(req, p);
      if (req.body.version !== undefined && req.body.version !== p.version) throw new DomainError('VERSION_CONFLICT');
      await run(req, transitionProblem, {
        id: p.id,
        action: req.body.action,
        note: req.body.note,
        measures: req.body.measures,
        grants: principalOf(req).grants,
      });
      return detail(req, p.id);
    },
  );

  app.post(
    '/api/problems/:id/assign',
    {
      schema: {
        tags: ['problems'],
        summary: '交办 Set the responsible unit and person, the deadline and the measures',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          responsibleUnitId: z.uuid().optional(),
          responsibleUserId: z.uuid().nullable().optional(),
          deadline: z.iso.date().nullable().optional(),
          measures: z.string().trim().max(500).nullable().optional(),
        }),
        response: { 200: detailSchema },
      },
      config: { access: { permission: 'problem.manage', unit: problemUnit } },
    },
    async (req) => {
      await run(req, assignProblem, { id: req.params.id, ...req.body });
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/api/problems/:id/escalate',
    {
      schema: {
        tags: ['problems'],
        summary: '上报镇级 A village hands a problem it cannot solve up to the township',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(2).max(300) }),
        response: { 200: detailSchema },
      },
      config: { access: { permission: 'problem.rectify', unit: problemUnit } },
    },
    async (req) => {
      const p = await getProblem(db, req.params.id);
      await assertReach(req, p);
      await run(req, escalateProblem, { id: p.id, reason: req.body.reason });
      return detail(req, p.id);
    },
  );

  app.post(
    '/api/problems/:id/evidence',
    {
      schema: {
        tags: ['problems'],
        summary: '上传佐证 Add a photo (compressed on the phone) or a PDF as evidence of the fix',
        params: z.object({ id: z.uuid() }),
        response: { 200: detailSchema },
      },
      config: { access: { permission: 'problem.rectify', unit: problemUnit } },
    },
    async (req) => {
      const p = await getProblem(db, req.params.id);
      await assertReach(req, p);
      // Evidence belongs to whoever fixes the problem where it now stands: once escalated, the township.
      const me = principalOf(req);
      if (!(await permissionsOver(db, me.grants, me.userId, p, ['problem.rectify'])).has('problem.rectify'))
        throw new DomainError('FORBIDDEN');
      const file = await req.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
      if (!file) throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'issue.required' }]);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('EVIDENCE_TOO_LARGE', { max: EVIDENCE_MAX_BYTES / 1024 / 1024 });
        throw error;
      }
      await run(req, addEvidence, { problemId: p.id, fileName: file.filename || 'evidence', data });
      return detail(req, p.id);
    },
  );

  app.get(
    '/api/problems/:id/evidence/:evidenceId',
    {
      schema: {
        tags: ['problems'],
        summary: '查看佐证 One evidence file',
        params: z.object({ id: z.uuid(), evidenceId: z.uuid() }),
      },
      config: { access: { permission: 'problem.read', unit: problemUnit } },
    },
    async (req, reply) => {
      const p = await getProblem(db, req.params.id);
      await assertReach(req, p);
      const [row] = await db
        .select()
        .from(problemEvidence)
        .where(
          and(
            eq(problemEvidence.townshipId, p.townshipId),
            eq(problemEvidence.problemId, p.id),
            eq(problemEvidence.id, req.params.evidenceId),
          ),
        );
      if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.evidence') });
      return reply
        .header('content-type', row.mimeType)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="evidence"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .send(row.data);
    },
  );
};
