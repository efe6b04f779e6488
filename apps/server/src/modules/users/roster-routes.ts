/** HTTP routes of the 帮扶干部花名册: its template, the township's as it stands, and importing one (all or nothing). */
import { rm } from 'node:fs/promises';
import { fieldError, type Lang, ROSTER_SHEET, shanghaiDate, translate } from '@fupin/domain';
import '@fastify/multipart';
import { rosterResultSchema } from '@fupin/domain/schemas/users';
import { asc, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { workUnits } from '../../db/schema/index';
import { buildRosterWorkbook } from '../../io/excel/roster-workbook';
import { run } from '../../lib/http';
import { saveXlsxUpload } from '../../lib/xlsx-upload';
import { hashPassword } from '../auth/passwords';
import { describeImportError } from '../imports/routes';
import { getUnit } from '../org/repository';
import { assertStrongPassword } from './commands/create-user';
import { importRoster } from './commands/import-roster';
import { cadreRoster } from './roster/cadre-roster';
import { type RosterProblem, readRoster } from './roster/read-roster';

/** A roster is a few hundred rows: a file far larger is not one. */
const ROSTER_MAX_BYTES = 5 * 1024 * 1024;
const townshipQuery = z.object({ townshipId: z.uuid() });
const access = { permission: 'user.manage', unit: { query: 'townshipId' } } as const;

/** The township a roster belongs to; a village or a county is refused, naming the field. */
async function townshipOf(db: Db, id: string) {
  const unit = await getUnit(db, id);
  if (unit.kind !== 'township') throw fieldError('townshipId', 'issue.township_required');
  return unit;
}

async function workUnitNames(db: Db, townshipId: string): Promise<string[]> {
  const rows = await db
    .select({ name: workUnits.name })
    .from(workUnits)
    .where(eq(workUnits.townshipId, townshipId))
    .orderBy(asc(workUnits.sortOrder), asc(workUnits.name));
  return rows.map((r) => r.name);
}

function sendXlsx(reply: FastifyReply, fileName: string, file: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(file);
}

function describe(lang: Lang, p: RosterProblem): string {
  return describeImportError(lang, {
    sheet: ROSTER_SHEET,
    rowNo: p.row,
    columnLetter: p.letter,
    header: p.header,
    messageKey: p.key,
    params: p.params ?? null,
  });
}

export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const { clock } = app.deps;

  app.get(
    '/api/users/roster-template.xlsx',
    {
      schema: { tags: ['users'], summary: '帮扶干部花名册模板 The roster template of a township', querystring: townshipQuery },
      config: { access },
    },
    async (req, reply) => {
      const township = await townshipOf(db, req.query.townshipId);
      const units = await workUnitNames(db, township.id);
      return sendXlsx(reply, `${township.name}帮扶干部花名册模板.xlsx`, await buildRosterWorkbook(township.name, units));
    },
  );

  app.get(
    '/api/users/roster.xlsx',
    {
      schema: {
        tags: ['users'],
        summary: '导出帮扶干部花名册 The township’s cadres as a roster, to edit and import back',
        querystring: townshipQuery,
      },
      config: { access },
    },
    async (req, reply) => {
      const township = await townshipOf(db, req.query.townshipId);
      const [units, rows] = await Promise.all([workUnitNames(db, township.id), cadreRoster(db, township.id)]);
      const date = shanghaiDate(clock.now());
      return sendXlsx(reply, `${township.name}帮扶干部花名册${date}.xlsx`, await buildRosterWorkbook(township.name, units, rows));
    },
  );

  app.post(
    '/api/users/roster',
    {
      schema: {
        tags: ['users'],
        summary: '导入帮扶干部花名册 Import a township’s cadres, their 派出单位 and pairings, all or nothing',
        querystring: townshipQuery,
        response: {
          200: rosterResultSchema,
          // Every problem of the file, each line naming its row and column; other refusals keep their own shape.
          400: z.looseObject({
            error: z.looseObject({ code: z.string(), message: z.string(), errors: z.array(z.string()).optional() }),
          }),
        },
      },
      config: { access },
    },
    async (req, reply) => {
      const township = await townshipOf(db, req.query.townshipId);
      // The initial password comes as a field before the file.
      const upload = await req.file({ limits: { fileSize: ROSTER_MAX_BYTES, files: 1 } });
      const field = upload?.fields.password;
      const password = field && 'value' in field && typeof field.value === 'string' ? field.value : '';
      const { path } = await saveXlsxUpload(upload, ROSTER_MAX_BYTES);
      try {
        const { lines, problems } = await readRoster(db, township.id, path);
        if (problems.length)
          return reply.status(400).send({
            error: {
              code: 'ROSTER_HAS_ERRORS',
              message: translate(req.lang, 'ROSTER_HAS_ERRORS', { count: problems.length }),
              requestId: req.id,
              errors: problems.map((p) => describe(req.lang, p)),
            },
          });
        const newAccounts = lines.filter((l) => l.userId === null);
        if (newAccounts.length && !password) throw fieldError('password', 'issue.required');
        for (const l of newAccounts) assertStrongPassword(password, l.mobile, 'password');
        // Hashed here, side by side, not one by one inside the transaction: on the embedded
        // database a long roster would otherwise hold every other request for its whole length.
        const passwordHashes = await Promise.all(newAccounts.map(() => hashPassword(password)));
        return await run(req, importRoster, {
          townshipId: township.id,
          password,
          passwordHashes,
          today: shanghaiDate(clock.now()),
          lines,
        });
      } finally {
        await rm(path, { force: true });
      }
    },
  );
};
