/** HTTP routes of the judges: their tasks in the rounds being scored, their score sheets (on phones) and the sheets' photos. */
import { DomainError, fromHundredths, sheetHundredths } from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../../lib/http';
import { principalOf, scopeOfRequest } from '../../plugins/access';
import { EVIDENCE_MAX_BYTES } from '../problems/commands/evidence';
import { seesVillageOfRound, sheetVillage, viewerOf } from './access';
import { addScorePhoto, removeScorePhoto } from './commands/score-photos';
import { submitScore } from './commands/submit-score';
import { photoOf, photosOfScores, scoreOfRound } from './photos';
import { myTasks } from './queries';
import { getRound, rubricOf } from './repository';
import { photoOut, scoreBody, scoreOut, taskOut } from './schemas';

const photoParams = z.object({ id: z.uuid(), scoreId: z.uuid() });

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
        photos: (await photosOfScores(db, round.townshipId, [r.score.id])).get(r.score.id) ?? [],
      };
    },
  );

  app.post(
    '/api/competition/rounds/:id/scores/:scoreId/photos',
    {
      schema: {
        tags: ['competition'],
        summary: '评分照片 The judge adds a photo (compressed on the phone) to their sheet while the round is scored',
        params: photoParams,
        response: { 200: photoOut },
      },
      config: { access: { permission: 'competition.score', unit: sheetVillage } },
    },
    async (req) => {
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
      const p = await run(req, addScorePhoto, {
        roundId: req.params.id,
        scoreId: req.params.scoreId,
        fileName: file.filename || 'photo.jpg',
        data,
      });
      return { id: p.id, fileName: p.fileName, size: p.size };
    },
  );

  app.delete(
    '/api/competition/rounds/:id/scores/:scoreId/photos/:photoId',
    {
      schema: {
        tags: ['competition'],
        summary: '删除评分照片 The judge takes a photo off their sheet while the round is scored',
        params: photoParams.extend({ photoId: z.uuid() }),
      },
      config: { access: { permission: 'competition.score', unit: sheetVillage } },
    },
    async (req, reply) => {
      await run(req, removeScorePhoto, { roundId: req.params.id, scoreId: req.params.scoreId, photoId: req.params.photoId });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/competition/rounds/:id/scores/:scoreId/photos/:photoId',
    {
      schema: {
        tags: ['competition'],
        summary: '查看评分照片 One photo of a sheet, for those who see the sheet’s village',
        params: photoParams.extend({ photoId: z.uuid() }),
      },
      config: { access: { permission: 'competition.read', unit: sheetVillage } },
    },
    async (req, reply) => {
      const round = await getRound(db, req.params.id);
      const score = await scoreOfRound(db, round, req.params.scoreId);
      const viewer = await viewerOf(req, db, round.townshipId);
      if (!(await seesVillageOfRound(db, viewer, round.id, round.townshipId, score.villageId)))
        throw new DomainError('FORBIDDEN');
      const row = await photoOf(db, round.townshipId, score.id, req.params.photoId);
      return reply
        .header('content-type', row.mimeType)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="photo"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .send(row.data);
    },
  );
};
