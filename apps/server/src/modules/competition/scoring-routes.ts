/** HTTP routes of the judges: their tasks in the rounds being scored, and their score sheets (on phones). */
import { fromHundredths, sheetHundredths } from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../../lib/http';
import { principalOf, scopeOfRequest } from '../../plugins/access';
import { submitScore } from './commands/submit-score';
import { myTasks } from './queries';
import { getRound, rubricOf } from './repository';
import { scoreBody, scoreOut, taskOut } from './schemas';

export const competitionScoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/api/competition/my-tasks',
    {
      schema: {
        tags: ['competition'],
        summary: '我的评分任务 The judge’s parts and villages in rounds being scored, with subjects, items and sheets in',
        response: { 200: z.object({ items: z.array(taskOut) }) },
      },
      config: { access: { permission: 'competition.score', unit: 'scoped' } },
    },
    async (req) => ({ items: await myTasks(db, principalOf(req).userId, scopeOfRequest(req).townships) }),
  );

  app.post(
    '/api/competition/scores',
    {
      schema: {
        tags: ['competition'],
        summary:
          '提交评分 A judge’s sheet for a household, group or village (idempotent by id; the same subject again replaces it)',
        body: scoreBody,
        response: { 200: scoreOut },
      },
      config: { access: { permission: 'competition.score', unit: { body: 'villageId' } } },
    },
    async (req) => {
      const r = await run(req, submitScore, req.body);
      const round = await getRound(db, r.score.roundId);
      return {
        id: r.score.id,
        roundId: r.score.roundId,
        villageId: r.score.villageId,
        part: r.score.part,
        subjectId: r.score.subjectId,
        sheet: r.score.sheet,
        note: r.score.note,
        total: fromHundredths(sheetHundredths(rubricOf(round)[r.score.part].items, r.score.sheet)),
        submittedAt: r.score.submittedAt.toISOString(),
        version: r.score.version,
        outcome: r.outcome,
        problems: r.problems,
      };
    },
  );
};
