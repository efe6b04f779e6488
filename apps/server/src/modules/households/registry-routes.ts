import { DomainError, HOUSEHOLD_TAGS, householdListQuery, shanghaiDate, tagCode } from '@fupin/domain';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportDb } from '../../db/read-routing';
import { households, members, roleAssignments, units, users } from '../../db/schema/index';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import { loadScope, principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { idVisibility } from './access';
import { defineTag } from './commands/define-tag';
import { type ExportRequest, exportNotOut, exportRegistry } from './export';
import { tagsOf } from './repository';

/**
 * Township-wide settings (tags, the list of cadres) are for anyone working anywhere in the
 * township: a village's staff and cadres included, not only those who cover the township whole.
 */
const anyUnitOfTownship: UnitSource = {
  resolve: async (req, db) => {
    const townshipId = (req.query as { townshipId?: string }).townshipId;
    if (!townshipId) return null;
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.townshipId, townshipId), inArray(units.kind, ['township', 'village'])));
    return rows.length ? rows.map((r) => r.id) : null;
  },
  entity: 'unit',
};
const exportQuery = householdListQuery.omit({ limit: true, offset: true });

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  async function exportRequest(
    req: Parameters<typeof principalOf>[0],
    query: z.infer<typeof exportQuery>,
  ): Promise<ExportRequest> {
    const me = principalOf(req);
    const idScope = await loadScope(db, me.grants, 'household.read_id');
    const fullIdSearch =
      idScope.townships.length + idScope.villages.length + idScope.paired.townships.length + idScope.paired.villages.length > 0;
    return { scope: scopeOfRequest(req), userId: me.userId, query, showIds: idVisibility(idScope), fullIdSearch };
  }

  app.get(
    '/api/registry/export.xlsx',
    {
      schema: {
        tags: ['registry'],
        summary: '导出农户 The listed households and their members, in the template’s layout',
        querystring: exportQuery,
      },
      config: { access: { permission: 'household.read', unit: 'scoped' } },
    },
    async (req, reply) => {
      const request = await exportRequest(req, req.query);
      const read = await reportDb(req);
      return sendXlsx(reply, `农户信息_${shanghaiDate(app.deps.clock.now())}.xlsx`, (out) => exportRegistry(read, request, out));
    },
  );

  app.get(
    '/api/registry/not-out.xlsx',
    {
      schema: {
        tags: ['registry'],
        summary: '未脱贫户帮扶计划 Households not yet out of poverty with their assistance plans',
        querystring: exportQuery,
      },
      config: { access: { permission: 'household.read', unit: 'scoped' } },
    },
    async (req, reply) => {
      const request = await exportRequest(req, req.query);
      const read = await reportDb(req);
      const unitId = req.query.villageId ?? req.query.townshipId ?? request.scope.townships[0] ?? request.scope.villages[0];
      const [unit] = unitId ? await read.select({ name: units.name }).from(units).where(eq(units.id, unitId)) : [];
      const date = shanghaiDate(app.deps.clock.now());
      const title = `${unit?.name ?? ''}未脱贫户帮扶计划表`;
      return sendXlsx(reply, `${title}_${date}.xlsx`, (out) =>
        exportNotOut(read, request, out, { title, unitName: unit?.name ?? '', date }),
      );
    },
  );

  app.get(
    '/api/registry/tags',
    {
      schema: {
        tags: ['registry'],
        summary: '标签 The built-in tags and the township’s own',
        querystring: z.object({ townshipId: z.uuid() }),
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string(), builtIn: z.boolean() })),
          }),
        },
      },
      config: { access: { permission: 'household.read', unit: anyUnitOfTownship } },
    },
    async (req) => ({
      items: [
        ...HOUSEHOLD_TAGS.codes.map((code) => ({
          code,
          labelZh: HOUSEHOLD_TAGS.labels[code].zh,
          labelEn: HOUSEHOLD_TAGS.labels[code].en,
          builtIn: true,
        })),
        ...(await tagsOf(db, req.query.townshipId)).map((t) => ({
          code: t.code,
          labelZh: t.labelZh,
          labelEn: t.labelEn,
          builtIn: false,
        })),
      ],
    }),
  );

  app.post(
    '/api/registry/tags',
    {
      schema: {
        tags: ['registry'],
        summary: '新增标签 Define a tag of the township’s own',
        body: z.object({
          townshipId: z.uuid(),
          code: tagCode,
          labelZh: z.string().trim().min(1).max(20),
          labelEn: z.string().trim().min(1).max(40),
        }),
        response: { 200: z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string() }) },
      },
      config: { access: { permission: 'household.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      const unit = (await db.select({ kind: units.kind }).from(units).where(eq(units.id, req.body.townshipId)))[0];
      if (unit?.kind !== 'township') throw new DomainError('FORBIDDEN');
      const row = await run(req, defineTag, req.body);
      return { code: row.code, labelZh: row.labelZh, labelEn: row.labelEn };
    },
  );

  app.get(
    '/api/registry/cadres',
    {
      schema: {
        tags: ['registry'],
        summary: '帮扶干部 The assistance cadres of a township, with how many households each is paired with',
        querystring: z.object({ townshipId: z.uuid() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), displayName: z.string(), units: z.array(z.string()), households: z.number().int() }),
            ),
          }),
        },
      },
      config: { access: { permission: 'household.manage', unit: anyUnitOfTownship } },
    },
    async (req) => {
      const t = req.query.townshipId;
      const rows = await db
        .select({
          id: users.id,
          displayName: users.displayName,
          unitName: units.name,
          households: sql<number>`(select count(*)::int from pairings p where p.township_id = ${t} and p.cadre_id = ${users.id})`,
        })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .innerJoin(units, eq(units.id, roleAssignments.unitId))
        .where(and(eq(roleAssignments.role, 'cadre'), or(eq(units.id, t), eq(units.townshipId, t))))
        .orderBy(asc(users.displayName));
      const byId = new Map<string, { id: string; displayName: string; units: string[]; households: number }>();
      for (const r of rows) {
        const item = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, units: [], households: r.households };
        item.units.push(r.unitName);
        byId.set(r.id, item);
      }
      return { items: [...byId.values()] };
    },
  );

  app.get(
    '/api/registry/duplicates',
    {
      schema: {
        tags: ['registry'],
        summary: '重复身份证号 ID numbers registered in more than one township of the county',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                idNumber: z.string(),
                entries: z.array(
                  z.object({
                    townshipName: z.string(),
                    villageName: z.string().nullable(),
                    householdNumber: z.string().nullable(),
                    name: z.string().nullable(),
                    householdId: z.string().nullable(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'household.read_id', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const mine = new Set(scope.townships);
      if (mine.size === 0) return { items: [] };
      // Within a township a unique key prevents duplicates; across townships of the county the
      // report finds them. Another township's household is named by township only.
      const counties = await db
        .select({ countyId: units.countyId })
        .from(units)
        .where(inArray(units.id, [...mine]));
      const townshipsOfCounties = await db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.kind, 'township'), inArray(units.countyId, [...new Set(counties.map((c) => c.countyId))])));
      const all = townshipsOfCounties.map((x) => x.id);
      const rows = await db
        .select({
          idNumber: members.idNumber,
          townshipId: members.townshipId,
          name: members.name,
          householdId: households.id,
          householdNumber: households.householdNumber,
          villageName: units.name,
          townshipName: sql<string>`(select name from units t where t.id = ${members.townshipId})`,
        })
        .from(members)
        .innerJoin(households, and(eq(households.townshipId, members.townshipId), eq(households.id, members.householdId)))
        .innerJoin(units, eq(units.id, households.villageId))
        .where(
          and(
            inArray(members.townshipId, all),
            sql`${members.idNumber} in (select m2.id_number from members m2 where m2.township_id = any(${sql.raw(`array[${all.map((x) => `'${x}'`).join(',')}]::uuid[]`)}) and m2.id_number is not null group by m2.id_number having count(distinct m2.township_id) > 1)`,
          ),
        )
        .orderBy(asc(members.idNumber));
      type Entry = {
        townshipName: string;
        villageName: string | null;
        householdNumber: string | null;
        name: string | null;
        householdId: string | null;
      };
      const grouped = new Map<string, Entry[]>();
      for (const r of rows) {
        const own = mine.has(r.townshipId);
        const entry = {
          townshipName: r.townshipName,
          villageName: own ? r.villageName : null,
          householdNumber: own ? r.householdNumber : null,
          name: own ? r.name : null,
          householdId: own ? r.householdId : null,
        };
        grouped.set(r.idNumber as string, [...(grouped.get(r.idNumber as string) ?? []), entry]);
      }
      // Only duplicates touching the reader's own townships are reported.
      return {
        items: [...grouped.entries()]
          .filter(([, entries]) => entries.some((e) => e.householdId !== null))
          .map(([idNumber, entries]) => ({ idNumber, entries })),
      };
    },
  );
};
