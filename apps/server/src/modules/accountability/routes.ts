/**
 * The accountability view (DOMAIN §7, 责任倒查): who did not visit, inspect, rectify or advance by
 * the deadline, by person and by unit, with the evidence and the responsible chain. Read-only.
 *
 * API contract (schemas in packages/domain/src/schemas/accountability.ts; permission
 * accountability.read — the discipline commission, the township office and town leaders on
 * their township (a stationed leader on their village), the county administrator on the county):
 *
 *   GET /api/accountability?unitId=<township|village>&campaignId?          → accountabilitySchema
 *       { unit, township, campaign|null, today,
 *         totals: { lapses, missing, late, maxDaysLate, byKind: { visit, inspect, rectify, advance } },
 *         people: [{ userId, name, links[], lapses, missing, late, maxDaysLate, byKind, asChain }]
 *                 lapses… = what the person answers for directly; asChain = others' lapses they stand above;
 *                 worst first,
 *         units:  [{ unitId, unitName, kind village|township, lapses, missing, late, maxDaysLate, byKind,
 *                    chain: [{ link, userId|null (vacant seat), name, title, unitName }] }],
 *         sendingUnits: [{ name|null (unit not recorded), headName, headTitle, lapses, missing, late,
 *                    maxDaysLate, byKind }] — lapses whose chain names the 派出单位's head, worst first }
 *   GET /api/accountability/lapses?unitId&campaignId?&kind?&duty?&state?(missing|late)&villageId?(uuid|none)&userId?
 *       &sendingUnit?(name|none)&limit=50&offset=0
 *       the lapses behind a figure (a person's row → userId; a unit's → villageId; a 派出单位's → sendingUnit;
 *       a kind column → kind),
 *       most days late first → { items: [lapseSchema], total }
 *       lapse = { key, kind, duty, state, deadline, daysLate, doneAt, villageId, villageName,
 *                 subject: { type household|problem|site|sector|order|summary, id, label, detail },
 *                 responsible: [chain entry], chain: [chain entry] }
 *   GET /api/accountability/lapses.xlsx?(the same filters, no paging)     → 责任倒查表 (.xlsx, Chinese headers)
 *
 * Duties and deadlines (campaign phases, Shanghai dates, the end day still on time):
 *   paired_visit (visit end) · survey_visit (visit end) · site_check (self_inspection end) ·
 *   sector_sweep per sector and village (sector_inspection end) · visit_summary (visit_summary end) ·
 *   inspection_summary (self_inspection end) · problem (its own deadline; done = fix submitted) ·
 *   order (its deadline; done = every problem in it closed). Problems and orders are the whole
 *   ledger's, not one campaign's.
 */
import { accountabilitySchema, lapseFilter, lapseListQuery, lapseListSchema, phaseOf } from '@fupin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportDb } from '../../db/read-routing';
import { sendXlsx } from '../../io/excel/send';
import { phasesOf } from '../campaigns/repository';
import { placeOf } from '../dashboard/context';
import { writeLapses } from './export';
import { lapsesOf } from './lapses';
import { matches, summarize } from './summary';

export const accountabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps;
  const access = { permission: 'accountability.read', unit: { query: 'unitId' } } as const;

  app.get(
    '/api/accountability',
    {
      schema: {
        tags: ['accountability'],
        summary: '责任倒查 Who did not visit, inspect, rectify or advance by the deadline, by person and by unit',
        querystring: lapseFilter.pick({ unitId: true, campaignId: true }),
        response: { 200: accountabilitySchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const place = await placeOf(db, req.query.unitId, req.query.campaignId, clock.now());
      const { lapses, org, villages } = await lapsesOf(db, place);
      return summarize(place, lapses, org, villages);
    },
  );

  app.get(
    '/api/accountability/lapses',
    {
      schema: {
        tags: ['accountability'],
        summary: '责任明细 The lapses behind a figure, with evidence and the responsible chain',
        querystring: lapseListQuery,
        response: { 200: lapseListSchema },
      },
      config: { access },
    },
    async (req) => {
      const db = await reportDb(req);
      const { unitId, campaignId, limit, offset, ...f } = req.query;
      const place = await placeOf(db, unitId, campaignId, clock.now());
      const list = (await lapsesOf(db, place)).lapses.filter((l) => matches(l, f));
      return { items: list.slice(offset, offset + limit), total: list.length };
    },
  );

  app.get(
    '/api/accountability/lapses.xlsx',
    {
      schema: {
        tags: ['accountability'],
        summary: '责任倒查表 The lapses as a table for the discipline commission’s file',
        querystring: lapseFilter,
      },
      config: { access },
    },
    async (req, reply) => {
      const db = await reportDb(req);
      const { unitId, campaignId, ...f } = req.query;
      const place = await placeOf(db, unitId, campaignId, clock.now());
      const lapses = (await lapsesOf(db, place)).lapses.filter((l) => matches(l, f));
      const c = place.campaign;
      const period = c ? `${phaseOf(phasesOf(c), 'visit').start} 至 ${place.today}` : `截至 ${place.today}`;
      return sendXlsx(
        reply,
        `${place.unit.name}责任倒查表_${place.today}.xlsx`,
        (out) => writeLapses(out, { unitName: place.unit.name, period, today: place.today, lapses }),
        'accountability.xlsx',
      );
    },
  );
};
