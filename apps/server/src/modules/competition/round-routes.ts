/**
 * HTTP routes of a round before its publication: start it (samples drawn), list and read it,
 * redraw and verify a village's sample, the villages' nominations, the judges and their assignments.
 */
import { DomainError, drawSample, type SampleRecord, term, verifySample } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { competitionSamples } from '../../db/schema/index';
import { run } from '../../lib/http';
import { scopeOfRequest } from '../../plugins/access';
import { assertTownship, roundAnyUnit, roundTownship, viewerOf, villageOfRound } from './access';
import { assignJudges } from './commands/assign-judges';
import { createRound } from './commands/create-round';
import { nominateGroups } from './commands/nominate-groups';
import { redrawSample } from './commands/redraw-sample';
import { listRounds, roundDetail } from './queries';
import { getRound, judgesWithOwnVillages } from './repository';
import { createRoundBody, detailOut, part, reasonBody, roundOut, verifyOut } from './schemas';

const roundParams = z.object({ id: z.uuid() });
const villageParams = z.object({ id: z.uuid(), villageId: z.uuid() });
const judgesOut = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), ownVillageIds: z.array(z.uuid()) })),
});

export const competitionRoundRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  /** The round as the reader sees it, after any change. */
  async function detail(req: FastifyRequest, id: string) {
    const round = await getRound(db, id);
    return roundDetail(db, round, await viewerOf(req, db, round.townshipId));
  }

  app.post(
    '/api/competition/rounds',
    {
      schema: {
        tags: ['competition'],
        summary: '开始本月大比武 Start a month’s round: settings frozen, every village’s sample drawn (idempotent by its id)',
        body: createRoundBody,
        response: { 200: detailOut },
      },
      config: { access: { permission: 'competition.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      await assertTownship(db, req.body.townshipId);
      await run(req, createRound, req.body);
      return detail(req, req.body.id);
    },
  );

  app.get(
    '/api/competition/rounds',
    {
      schema: {
        tags: ['competition'],
        summary: '大比武轮次 The rounds of the townships the reader sees, newest month first',
        querystring: z.object({ townshipId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(roundOut) }) },
      },
      config: { access: { permission: 'competition.read', unit: 'scoped' } },
    },
    async (req) => ({ items: await listRounds(db, scopeOfRequest(req), req.query.townshipId) }),
  );

  app.get(
    '/api/competition/rounds/:id',
    {
      schema: {
        tags: ['competition'],
        summary: '本轮详情 Samples, nominations, judges and progress of the villages the reader sees; the ranking once published',
        params: roundParams,
        response: { 200: detailOut },
      },
      config: { access: { permission: 'competition.read', unit: roundAnyUnit } },
    },
    async (req) => detail(req, req.params.id),
  );

  app.post(
    '/api/competition/rounds/:id/villages/:villageId/redraw',
    {
      schema: {
        tags: ['competition'],
        summary: '重新抽样 Draw a village’s households again with a new seed while scoring (audited with the reason)',
        params: villageParams,
        body: reasonBody,
        response: { 200: detailOut },
      },
      config: { access: { permission: 'competition.manage', unit: roundTownship } },
    },
    async (req) => {
      const round = await getRound(db, req.params.id);
      await villageOfRound(db, round, req.params.villageId);
      await run(req, redrawSample, { roundId: round.id, villageId: req.params.villageId, reason: req.body.reason });
      return detail(req, round.id);
    },
  );

  app.get(
    '/api/competition/rounds/:id/samples/:villageId/verify',
    {
      schema: {
        tags: ['competition'],
        summary: '核验抽样 Redraw from the recorded seed, method and population and say whether it gives the recorded households',
        params: villageParams,
        response: { 200: verifyOut },
      },
      config: { access: { permission: 'competition.read', unit: { param: 'villageId' } } },
    },
    async (req) => {
      const round = await getRound(db, req.params.id);
      await villageOfRound(db, round, req.params.villageId);
      const [row] = await db
        .select()
        .from(competitionSamples)
        .where(
          and(
            eq(competitionSamples.townshipId, round.townshipId),
            eq(competitionSamples.roundId, round.id),
            eq(competitionSamples.villageId, req.params.villageId),
          ),
        );
      if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.competition_round') });
      const record = row.record as SampleRecord;
      return {
        villageId: row.villageId,
        matches: verifySample(record),
        method: record.method,
        version: record.version,
        seed: record.seed,
        size: record.size,
        population: record.population,
        recorded: record.sample,
        redrawn: drawSample(record.population, record.size, record.seed).sample,
      };
    },
  );

  app.put(
    '/api/competition/rounds/:id/nominations/:villageId',
    {
      schema: {
        tags: ['competition'],
        summary: '自报小组 The village nominates its two groups for 看组 while the round is being scored',
        params: villageParams,
        body: z.object({ groupIds: z.array(z.uuid()).max(10) }),
        response: { 200: detailOut },
      },
      config: { access: { permission: 'competition.nominate', unit: { param: 'villageId' } } },
    },
    async (req) => {
      const round = await getRound(db, req.params.id);
      await villageOfRound(db, round, req.params.villageId);
      await run(req, nominateGroups, { roundId: round.id, villageId: req.params.villageId, groupIds: req.body.groupIds });
      return detail(req, round.id);
    },
  );

  app.get(
    '/api/competition/rounds/:id/judges',
    {
      schema: {
        tags: ['competition'],
        summary: '评委名单 The township’s judges with the villages each may not score (their own), for the assignment grid',
        params: roundParams,
        response: { 200: judgesOut },
      },
      config: { access: { permission: 'competition.manage', unit: roundTownship } },
    },
    async (req) => {
      const round = await getRound(db, req.params.id);
      return { items: await judgesWithOwnVillages(db, round.townshipId) };
    },
  );

  app.put(
    '/api/competition/rounds/:id/assignments',
    {
      schema: {
        tags: ['competition'],
        summary: '评分分工 Which judge scores which part of which village (the whole list); never a judge’s own village',
        params: roundParams,
        body: z.object({
          assignments: z.array(z.object({ judgeId: z.uuid(), part, villageId: z.uuid() })).max(1000),
        }),
        response: { 200: detailOut },
      },
      config: { access: { permission: 'competition.manage', unit: roundTownship } },
    },
    async (req) => {
      await run(req, assignJudges, { roundId: req.params.id, assignments: req.body.assignments });
      return detail(req, req.params.id);
    },
  );
};
