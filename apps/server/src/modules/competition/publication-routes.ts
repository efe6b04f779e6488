/**
 * HTTP routes of a round's end: close, reopen, publish, withdraw, finalise; objections in the
 * publicity period and their answers; the bulletin (通报) as a page and as a government table.
 */
import {
  DomainError,
  objectionAnswerInput,
  objectionInput,
  ROUND_ACTIONS,
  ROUND_STATUS_KEYS,
  type RoundAction,
  term,
} from '@fupin/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { reportDb } from '../../db/read-routing';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import { roundAnyUnit, roundTownship, viewerOf, villageOfRound } from './access';
import { answerObjection } from './commands/answer-objection';
import { raiseObjection } from './commands/raise-objection';
import { transitionRound } from './commands/transition-round';
import { bulletin, roundDetail } from './queries';
import { getRound, type RoundRow } from './repository';
import { bulletinOut, detailOut, objectionOut, reasonBody } from './schemas';

const roundParams = z.object({ id: z.uuid() });

const SUMMARIES: Record<RoundAction, string> = {
  close: '锁定 Close the round once every expected sheet is in (refused with the list of what is missing)',
  reopen: '退回评分 Reopen a closed round for corrections, with the reason',
  publish: '公示排名 Compute and store the ranking and money; the publicity period starts today',
  withdraw: '撤回公示 Withdraw the published ranking (an upheld objection), with the reason; scoring reopens',
  finalise: '确认排名 Finalise once the period has ended and every objection is answered, none upheld',
};

const STATUS_LABEL = { scoring: '评分中', closed: '已锁定', published: '公示中', final: '已确认' } as const;

export const competitionPublicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  async function detail(req: FastifyRequest, id: string) {
    const round = await getRound(db, id);
    return roundDetail(db, round, await viewerOf(req, db, round.townshipId));
  }

  for (const action of ROUND_ACTIONS) {
    const withReason = action === 'reopen' || action === 'withdraw';
    app.post(
      `/api/competition/rounds/:id/${action}`,
      {
        schema: {
          tags: ['competition'],
          summary: SUMMARIES[action],
          params: roundParams,
          ...(withReason ? { body: reasonBody } : {}),
          response: { 200: detailOut },
        },
        config: { access: { permission: 'competition.manage', unit: roundTownship } },
      },
      async (req) => {
        const note = withReason ? (req.body as { reason: string }).reason : null;
        await run(req, transitionRound, { roundId: req.params.id, action, note });
        return detail(req, req.params.id);
      },
    );
  }

  app.post(
    '/api/competition/rounds/:id/objections',
    {
      schema: {
        tags: ['competition'],
        summary: '提出异议 A village (or the office on its behalf) objects to the ranking during the publicity period',
        params: roundParams,
        body: objectionInput.extend({ id: z.uuid(), villageId: z.uuid() }),
        response: { 200: objectionOut },
      },
      // The village's own staff (competition.nominate) or the office (competition.manage), checked below.
      config: { access: { permission: 'competition.read', unit: { body: 'villageId' } } },
    },
    async (req) => {
      const round = await getRound(db, req.params.id);
      await villageOfRound(db, round, req.body.villageId);
      const viewer = await viewerOf(req, db, round.townshipId);
      if (!viewer.manage && !viewer.nominate.has(req.body.villageId)) throw new DomainError('FORBIDDEN');
      const o = await run(req, raiseObjection, { roundId: round.id, ...req.body });
      return (await detail(req, round.id)).objections.find((x) => x.id === o.id)!;
    },
  );

  app.post(
    '/api/competition/rounds/:id/objections/:objectionId/answer',
    {
      schema: {
        tags: ['competition'],
        summary: '答复异议 Answer an objection: upheld (withdraw, correct, publish again) or dismissed',
        params: z.object({ id: z.uuid(), objectionId: z.uuid() }),
        body: objectionAnswerInput,
        response: { 200: objectionOut },
      },
      config: { access: { permission: 'competition.manage', unit: roundTownship } },
    },
    async (req) => {
      await run(req, answerObjection, { roundId: req.params.id, objectionId: req.params.objectionId, ...req.body });
      return (await detail(req, req.params.id)).objections.find((x) => x.id === req.params.objectionId)!;
    },
  );

  async function publishedRound(id: string, db: Db): Promise<RoundRow> {
    const round = await getRound(db, id);
    if (round.status !== 'published' && round.status !== 'final')
      throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
    return round;
  }

  app.get(
    '/api/competition/rounds/:id/bulletin',
    {
      schema: {
        tags: ['competition'],
        summary: '排名通报 The published ranking with part scores and money, the publicity period and the objections',
        params: roundParams,
        response: { 200: bulletinOut },
      },
      config: { access: { permission: 'competition.read', unit: roundAnyUnit } },
    },
    async (req) => {
      const db = await reportDb(req);
      const round = await publishedRound(req.params.id, db);
      return bulletin(db, round, await viewerOf(req, db, round.townshipId));
    },
  );

  app.get(
    '/api/competition/rounds/:id/bulletin.xlsx',
    {
      schema: { tags: ['competition'], summary: '排名通报表 The bulletin as a government table', params: roundParams },
      config: { access: { permission: 'competition.read', unit: roundAnyUnit } },
    },
    async (req, reply) => {
      const db = await reportDb(req);
      const round = await publishedRound(req.params.id, db);
      const b = await bulletin(db, round, await viewerOf(req, db, round.townshipId));
      const money = '+#,##0.00;-#,##0.00;0.00';
      const score = '0.00';
      return sendXlsx(
        reply,
        `${b.title}.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '排名通报',
            title: b.title,
            unit: b.townshipName,
            period: `${b.month}；${STATUS_LABEL[b.status]}${b.publicity ? `；公示期 ${b.publicity.start} 至 ${b.publicity.end}` : ''}`,
            date: b.publishedOn ?? '',
            headers: [
              '名次',
              '村',
              `看户（${b.maxima.households}分）`,
              `看组（${b.maxima.groups}分）`,
              `看村（${b.maxima.village}分）`,
              '总分',
              '奖惩金额（元）',
              '备注',
            ],
            widths: [8, 16, 14, 14, 14, 12, 16, 12],
            formats: [null, null, score, score, score, score, money, null],
            rows: b.rows.map((r) => [
              r.rank,
              r.villageName,
              r.households,
              r.groups,
              r.village,
              r.total,
              r.money,
              r.tied ? `并列第${r.rank}名` : '',
            ]),
            totals: [
              ['奖励合计', '', null, null, null, null, b.totals.rewardsFen / 100, ''],
              ['扣减合计', '', null, null, null, null, b.totals.deductionsFen / 100, ''],
            ],
            signatures: ['镇扶贫办（盖章）：', '审核人：', '发布日期：'],
          }),
        'bulletin.xlsx',
      );
    },
  );
};
