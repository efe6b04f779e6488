/** HTTP routes of the registry's Excel template and imports. */
import { randomUUID } from 'node:crypto';
import { type Lang, shanghaiDate, TERM_PREFIX, translate } from '@fupin/domain';
import { pageQuery } from '@fupin/domain/schemas/common';
import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importErrors, imports, units, users } from '../../db/schema/index';
import { buildRegistryTemplate } from '../../io/excel/template';
import { run } from '../../lib/http';
import { saveXlsxUpload } from '../../lib/xlsx-upload';
import { IMPORT_REFRESH_HOUSEHOLDS, refreshStatistics } from '../../ops/refresh-statistics';
import { principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { getUnit } from '../org/repository';
import { commitImportCommand } from './commands/commit-import';
import { startImport } from './commands/start-import';
import { placeOf, readImport } from './job';
import { getImport, type ImportRow, unitOfImport } from './repository';

/** The largest registry file taken: 100,000 households are about 30 MB. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const countsSchema = z.object({
  householdRows: z.number().int(),
  memberRows: z.number().int(),
  householdsNew: z.number().int(),
  householdsChanged: z.number().int(),
  householdsUnchanged: z.number().int(),
  membersNew: z.number().int(),
  membersChanged: z.number().int(),
  membersUnchanged: z.number().int(),
});

const importSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fileName: z.string(),
  status: z.enum(['reading', 'checked', 'invalid', 'failed', 'committing', 'committed']),
  rowsRead: z.number().int(),
  errorCount: z.number().int(),
  counts: countsSchema.nullable(),
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});

const importUnit: UnitSource = { resolve: (req, db) => unitOfImport(db, (req.params as { id: string }).id), entity: 'import' };

function present(row: ImportRow, unitName: string, createdBy: string, lang: Lang): z.infer<typeof importSchema> {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    fileName: row.fileName,
    status: row.status,
    rowsRead: row.rowsRead,
    errorCount: row.errorCount,
    counts: row.counts ?? null,
    failure: row.failure ? translate(lang, row.failure) : null,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** One error as the reader sees it: 成员信息 第 12 行 C 列（身份证号）：身份证号校验码错误. */
export function describeImportError(
  lang: Lang,
  e: {
    sheet: string;
    rowNo: number;
    columnLetter: string | null;
    header: string | null;
    messageKey: string;
    params: Record<string, string | number> | null;
  },
): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params ?? {}))
    params[k] = typeof v === 'string' && v.startsWith(TERM_PREFIX) ? translate(lang, v.slice(TERM_PREFIX.length)) : v;
  const column = e.columnLetter
    ? translate(lang, 'sheet.location_column', { letter: e.columnLetter, header: e.header ?? '' })
    : '';
  return translate(lang, 'sheet.location', {
    sheet: e.sheet,
    row: e.rowNo,
    column,
    message: translate(lang, e.messageKey, params),
  });
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function view(row: ImportRow, lang: Lang) {
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
    const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy));
    return present(row, unit?.name ?? '', user?.name ?? '', lang);
  }

  app.get(
    '/api/registry/template.xlsx',
    {
      schema: {
        tags: ['registry'],
        summary: '导入模板 The Excel template of the registry, with dropdowns',
        querystring: z.object({ unitId: z.uuid() }),
      },
      config: { access: { permission: 'household.manage', unit: { query: 'unitId' } } },
    },
    async (req, reply) => {
      const unit = await getUnit(db, req.query.unitId);
      const townshipId = unit.townshipId ?? unit.id;
      const township = await getUnit(db, townshipId);
      const place = await placeOf(database, townshipId, unit.id);
      const file = await buildRegistryTemplate({
        townshipName: township.name,
        villages: place.villages.map((v) => ({ name: v.name, groups: v.groups.map((g) => g.name) })),
        tags: place.tags.map((t) => t.labelZh),
      });
      const name = encodeURIComponent(`${unit.name}农户信息导入模板.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${name}`)
        .send(file);
    },
  );

  app.post(
    '/api/registry/imports',
    {
      schema: {
        tags: ['registry'],
        summary: '上传导入文件 Upload a filled template; it is read and checked in the background',
        querystring: z.object({ unitId: z.uuid() }),
        response: { 200: importSchema },
      },
      config: { access: { permission: 'household.manage', unit: { query: 'unitId' } } },
    },
    async (req) => {
      const { path, fileName } = await saveXlsxUpload(
        await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }),
        IMPORT_MAX_BYTES,
      );
      const id = randomUUID();
      const me = principalOf(req);
      const { townshipId } = await run(req, startImport, {
        id,
        unitId: req.query.unitId,
        fileName,
        userId: me.userId,
      });
      const today = shanghaiDate(clock.now());
      // The answer shows the import as started; a small file can be read before a later read.
      const started = view(await getImport(db, id), req.lang);
      app.jobs.start(`import ${id}`, () =>
        readImport({ database, clock, log: app.log }, { townshipId, importId: id, unitId: req.query.unitId, path, today }),
      );
      return started;
    },
  );

  app.get(
    '/api/registry/imports',
    {
      schema: {
        tags: ['registry'],
        summary: '导入记录 Recent imports the reader may manage',
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(importSchema), total: z.number().int() }) },
      },
      config: { access: { permission: 'household.manage', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      const parts = [];
      if (scope.townships.length) parts.push(inArray(imports.townshipId, scope.townships));
      if (scope.villages.length) parts.push(inArray(imports.unitId, scope.villages));
      if (parts.length === 0) return { items: [], total: 0 };
      const where = or(...parts);
      const [total] = await db.select({ n: count() }).from(imports).where(where);
      const rows = await db
        .select()
        .from(imports)
        .where(where)
        .orderBy(desc(imports.createdAt))
        .limit(req.query.limit)
        .offset(req.query.offset);
      return { items: await Promise.all(rows.map((r) => view(r, req.lang))), total: total?.n ?? 0 };
    },
  );

  app.get(
    '/api/registry/imports/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '导入进度 An import’s state, progress and counts',
        params: z.object({ id: z.uuid() }),
        response: { 200: importSchema },
      },
      config: { access: { permission: 'household.manage', unit: importUnit } },
    },
    async (req) => view(await getImport(db, req.params.id), req.lang),
  );

  app.get(
    '/api/registry/imports/:id/errors',
    {
      schema: {
        tags: ['registry'],
        summary: '导入错误 Every error found, by sheet, row and column',
        params: z.object({ id: z.uuid() }),
        querystring: pageQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                sheet: z.string(),
                row: z.number().int(),
                column: z.string().nullable(),
                header: z.string().nullable(),
                message: z.string(),
              }),
            ),
            total: z.number().int(),
          }),
        },
      },
      config: { access: { permission: 'household.manage', unit: importUnit } },
    },
    async (req) => {
      const row = await getImport(db, req.params.id);
      const where = and(eq(importErrors.townshipId, row.townshipId), eq(importErrors.importId, row.id));
      const [total] = await db.select({ n: count() }).from(importErrors).where(where);
      const rows = await db
        .select()
        .from(importErrors)
        .where(where)
        .orderBy(asc(importErrors.sheet), asc(importErrors.rowNo), asc(importErrors.seq))
        .limit(req.query.limit)
        .offset(req.query.offset);
      return {
        total: total?.n ?? 0,
        items: rows.map((e) => ({
          sheet: e.sheet,
          row: e.rowNo,
          column: e.columnLetter,
          header: e.header,
          message: describeImportError(req.lang, e),
        })),
      };
    },
  );

  app.post(
    '/api/registry/imports/:id/commit',
    {
      schema: {
        tags: ['registry'],
        summary: '确认导入 Commit a checked import in one transaction',
        params: z.object({ id: z.uuid() }),
        response: { 200: importSchema },
      },
      config: { access: { permission: 'household.manage', unit: importUnit } },
    },
    async (req) => {
      const counts = await run(req, await commitImportCommand(database, req.params.id), { id: req.params.id });
      // A big first import changes the tables' shape: the planner should know before the dashboards run.
      if (counts.householdsNew + counts.householdsChanged >= IMPORT_REFRESH_HOUSEHOLDS) await refreshStatistics(database);
      return view(await getImport(db, req.params.id), req.lang);
    },
  );
};
