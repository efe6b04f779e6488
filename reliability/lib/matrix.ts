/**
 * What the access matrix needs besides the valid calls: fresh rows for the routes that use up
 * what they act on, the rows each role must never see, and how an answer reads as a refusal.
 */
import type { Role } from '@fupin/domain';
import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from '../../apps/server/src/io/excel/exceljs';
import { loginAs } from '../../apps/server/test/fixtures';
import type { Req } from './calls';
import {
  freshAssignment,
  freshDraftRuleSet,
  freshGroup,
  freshHousehold,
  freshNotification,
  freshPairing,
  freshPhoto,
  freshProblem,
  freshWorkUnit,
} from './fresh';
import { errorOf } from './send';
import { type Area, type AreaName, OUTSIDE, type World } from './world';

type Fresh = (w: World, a: Area, username: string) => Promise<Partial<Area>>;

const draft: Fresh = async (w, a) => ({ ruleSet: await freshDraftRuleSet(w, a) });
const problem: Fresh = async (w, a) => ({ problem: await freshProblem(w, a) });

/** Routes that delete, move or use up their entity: each call gets its own. */
export const FRESH: Record<string, Fresh> = {
  'DELETE /api/units/:id': async (w, a) => ({ villageId: await freshGroup(w, a) }),
  'DELETE /api/work-units/:id': async (w, a) => ({ workUnit: await freshWorkUnit(w, a) }),
  'DELETE /api/households/:id': async (w, a) => ({ household: await freshHousehold(w, a) }),
  'DELETE /api/households/:id/pairings/:cadreId': async (w, a) => freshPairing(w, a),
  'DELETE /api/users/:id/roles/:assignmentId': async (w, a) => ({ assignment: await freshAssignment(w, a) }),
  'PUT /api/rules/sets/:id': draft,
  'DELETE /api/rules/sets/:id': draft,
  'POST /api/rules/sets/:id/preview': draft,
  'POST /api/rules/sets/:id/activate': draft,
  'POST /api/problems/:id/transition': problem,
  'POST /api/problems/:id/assign': problem,
  'POST /api/problems/:id/escalate': problem,
  'POST /api/problems/:id/evidence': problem,
  'DELETE /api/competition/rounds/:id/scores/:scoreId/photos/:photoId': async (w, a) => ({ photo: await freshPhoto(w, a) }),
  'GET /api/competition/rounds/:id/scores/:scoreId/photos/:photoId': async (w, a) => ({ photo: await freshPhoto(w, a) }),
  'DELETE /api/me/sessions/:id': async (w, _a, username) => ({ session: await freshSession(w, username) }),
  // One's own notification: the area's township, whoever reads.
  'POST /api/me/notifications/:id/read': async (w, a, username) => ({
    notification: await freshNotification(w, w.userId(username), a.townshipId),
  }),
};

/**
 * For the routes on one's own account: the same request aimed at someone else's session or
 * notification, which must be refused (as not found) to everyone.
 */
export const SOMEONE_ELSES: Record<string, (w: World, a: Area) => Promise<Partial<Area>>> = {
  'DELETE /api/me/sessions/:id': async (w) => ({ session: await freshSession(w, 't1.housing') }),
  'POST /api/me/notifications/:id/read': async (w, a) => ({
    notification: await freshNotification(w, w.userId('t1.housing'), a.townshipId),
  }),
};

/** A second session of a person (the one a suite holds stays), by its stored id. */
async function freshSession(w: World, username: string): Promise<string> {
  const cookie = await loginAs(w.app, username);
  const res = await w.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } });
  return (res.json().items as { id: string; current: boolean }[]).find((s) => s.current)?.id as string;
}

/** A request of the matrix: the table's valid call with fresh rows where the route needs them. */
export async function matrixRequest(w: World, key: string, a: Area, username: string, valid: Req): Promise<Req> {
  const fresh = FRESH[key];
  return fresh ? { ...valid, over: { ...valid.over, ...(await fresh(w, a, username)) } } : valid;
}

/** The answer is the access layer (or the handler on its behalf) refusing. */
export function refused(res: LightMyRequestResponse): boolean {
  const code = errorOf(res)?.code;
  if (res.statusCode === 401) return true;
  if (res.statusCode === 403) return code === 'FORBIDDEN' || code === 'ROLE_OUTSIDE_SCOPE';
  return res.statusCode === 404 && code === 'NOT_FOUND';
}

/** The areas whose rows a role must never read, and how much of each. */
function outsideOf(role: Role): { village: AreaName[]; township: AreaName[] } {
  const far = OUTSIDE[role];
  if (far === 'D') return { village: ['D'], township: ['D'] };
  if (far === 'C') return { village: ['C', 'D'], township: ['C', 'D'] };
  return { village: ['B', 'C', 'D'], township: ['C', 'D'] };
}

/** Ids and ID numbers a role must never be shown, whatever it asks. */
export function secretsOf(w: World, role: Role): string[] {
  const { village, township } = outsideOf(role);
  const out = [
    ...village.flatMap((n) => [...w.areas[n].villageSecrets, ...w.areas[n].idNumbers]),
    ...township.flatMap((n) => w.areas[n].townshipSecrets),
  ];
  // A cadre sees only the households paired with them, even in their own village.
  if (role === 'cadre') out.push(...w.areas.A.unpaired);
  return [...new Set(out)].filter((s) => s.length >= 8);
}

/** Every full ID number of the world (for roles that may read none). */
export function allIdNumbers(w: World): string[] {
  return Object.values(w.areas).flatMap((a) => a.idNumbers);
}

/** The text of an answer; an .xlsx is opened and its cells read out. */
export async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells.join('\n');
}
