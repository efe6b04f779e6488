/** HTTP routes of the competition's settings and of its year: monthly totals, annual score, the year-end evaluation. */
import { DomainError, type FieldError, shanghaiDate, validateRubric } from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import { assertTownship, townshipQueryAnyUnit, viewerOf } from './access';
import { saveSettings } from './commands/save-settings';
import { saveYearScores } from './commands/save-year-scores';
import { yearTable } from './queries';
import { settingsOf, villagesOf } from './repository';
import { settingsBody, settingsOut, yearOut, yearQuery, yearScoresBody } from './schemas';

export const competitionSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  app.get(
    '/api/competition/settings',
    {
      schema: {
        tags: ['competition'],
        summary: '大比武设置 The township’s rubric, prizes, sample size, publicity days and weight (the defaults until saved)',
        querystring: z.object({ townshipId: z.uuid() }),
        response: { 200: settingsOut },
      },
      config: { access: { permission: 'competition.read', unit: { query: 'townshipId' } } },
    },
    async (req) => {
      await assertTownship(db, req.query.townshipId);
      return settingsOf(db, req.query.townshipId);
    },
  );

  app.put(
    '/api/competition/settings',
    {
      schema: {
        tags: ['competition'],
        summary:
          '修改大比武设置 Save the rubric (parts add to 100, items to their part), prizes, sample size, publicity days, weight ≥ 0.5',
        body: settingsBody,
        response: { 200: settingsOut },
      },
      config: { access: { permission: 'competition.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      await assertTownship(db, req.body.townshipId);
      const rubric = validateRubric(req.body.rubric);
      if (!rubric.ok)
        throw new DomainError(
          'VALIDATION_FAILED',
          {},
          rubric.problems.map((p): FieldError => ({ ...p, path: p.path ? `rubric.${p.path}` : 'rubric' })),
        );
      return run(req, saveSettings, { ...req.body, rubric: rubric.value });
    },
  );

  const visibleVillages = async (req: Parameters<typeof viewerOf>[0], townshipId: string) => {
    const viewer = await viewerOf(req, db, townshipId);
    return (villageId: string) => viewer.full || viewer.villages.has(villageId);
  };

  app.get(
    '/api/competition/year',
    {
      schema: {
        tags: ['competition'],
        summary:
          '年度得分 Each village’s monthly totals, annual score (mean of final rounds), other score and year-end evaluation',
        querystring: yearQuery,
        response: { 200: yearOut },
      },
      config: { access: { permission: 'competition.read', unit: townshipQueryAnyUnit } },
    },
    async (req) => yearTable(db, req.query.townshipId, req.query.year, await visibleVillages(req, req.query.townshipId)),
  );

  app.put(
    '/api/competition/year-scores',
    {
      schema: {
        tags: ['competition'],
        summary: '其他考评得分 Enter the other part of the villages’ year-end evaluation (out of 100)',
        body: yearScoresBody,
        response: { 200: yearOut },
      },
      config: { access: { permission: 'competition.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      const { townshipId, year, scores } = req.body;
      await assertTownship(db, townshipId);
      const villages = new Set((await villagesOf(db, townshipId)).map((v) => v.id));
      const problems: FieldError[] = [];
      const seen = new Set<string>();
      scores.forEach((s, i) => {
        if (!villages.has(s.villageId)) problems.push({ path: `scores.${i}.villageId`, key: 'issue.invalid_option' });
        else if (seen.has(s.villageId)) problems.push({ path: `scores.${i}.villageId`, key: 'issue.duplicate' });
        seen.add(s.villageId);
      });
      if (problems.length) throw new DomainError('VALIDATION_FAILED', {}, problems);
      await run(req, saveYearScores, req.body);
      return yearTable(db, townshipId, year, () => true);
    },
  );

  app.get(
    '/api/competition/year.xlsx',
    {
      schema: {
        tags: ['competition'],
        summary: '年度得分表 The year’s table as the township files it',
        querystring: yearQuery,
      },
      config: { access: { permission: 'competition.read', unit: townshipQueryAnyUnit } },
    },
    async (req, reply) => {
      const y = await yearTable(db, req.query.townshipId, req.query.year, await visibleVillages(req, req.query.townshipId));
      const percent = Math.round(y.competitionWeight * 100);
      const score = '0.00';
      return sendXlsx(
        reply,
        `${y.townshipName}${y.year}年大比武年度得分.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '年度得分',
            title: `${y.townshipName}${y.year}年脱贫攻坚“大比武”年度得分及年终考评表`,
            unit: y.townshipName,
            period: `${y.year}年（年度得分为已确认各月得分的平均分；大比武占年终考评 ${percent}%）`,
            date: shanghaiDate(clock.now()),
            headers: [
              '序号',
              '村',
              ...y.months.map((m) => `${Number(m.month.slice(5, 7))}月${m.status === 'final' ? '' : '（公示中）'}`),
              '大比武年度得分',
              '其他考评得分',
              `年终考评得分（大比武占${percent}%）`,
            ],
            widths: [6, 14, ...y.months.map(() => 10), 14, 14, 18],
            formats: [null, null, ...y.months.map(() => score), score, score, score],
            rows: y.villages.map((v, i) => [
              i + 1,
              v.villageName,
              ...v.monthly.map((m) => m.total),
              v.competitionScore,
              v.otherScore,
              v.evaluation,
            ]),
            signatures: ['填报单位（盖章）：', '审核人：', '填报人：'],
          }),
        'year.xlsx',
      );
    },
  );
};
