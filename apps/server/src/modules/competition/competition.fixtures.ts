/** Helpers of the competition's tests: sessions that survive moving the clock, a round run from start to sheets in. */
import { randomUUID } from 'node:crypto';
import type { CompetitionPart, Rubric, RubricItem, ScoreSheet } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { as, type CountyFixture, loginAs } from '../../../test/fixtures';
import type { TestApp } from '../../../test/harness';
import ExcelJS from '../../io/excel/exceljs';

export type Client = ReturnType<typeof as>;

/** Logged-in clients by username; `forget()` after moving the clock past the idle timeout. */
export function sessions(t: () => TestApp) {
  const cookies = new Map<string, string>();
  return {
    async user(name: string): Promise<Client> {
      if (!cookies.has(name)) cookies.set(name, await loginAs(t().app, name));
      return as(t().app, cookies.get(name) as string);
    },
    forget() {
      cookies.clear();
    },
  };
}

/** Tags the first three unregistered households of each village marginal (边缘户), so a sample has a choice. */
export async function addMarginalHouseholds(t: TestApp, township: string, villages: readonly string[]) {
  for (const village of villages)
    await t.database.db.execute(
      sql`update households set tags = array_append(tags, 'marginal') where township_id = ${township} and id in
            (select id from households where township_id = ${township} and village_id = ${village} and poverty_status = 'none'
             order by household_number limit 3)`,
    );
}

/** Full marks on every item. */
export function fullSheet(items: readonly RubricItem[]): Record<string, number> {
  return Object.fromEntries(items.map((i) => [i.code, i.points]));
}

export interface Task {
  roundId: string;
  villageId: string;
  part: CompetitionPart;
  items: RubricItem[];
  subjects: { subjectId: string; name: string; sheet: { id: string; mine: boolean } | null }[];
}

/** Submitted sheets by village and part, in the order the subjects were listed. */
export type Submitted = Map<string, Record<CompetitionPart, ScoreSheet[]>>;

/**
 * Every assigned judge scores every subject of their tasks in a round with the sheet `sheetFor`
 * gives (full marks unless it says otherwise); returns what was submitted.
 */
export async function scoreEverything(
  judges: Client[],
  roundId: string,
  sheetFor: (villageId: string, part: CompetitionPart, index: number, items: RubricItem[]) => ScoreSheet = (_v, _p, _i, items) =>
    fullSheet(items),
): Promise<Submitted> {
  const submitted: Submitted = new Map();
  for (const judge of judges) {
    const tasks = (await judge.get('/api/competition/my-tasks')).json().items as Task[];
    for (const task of tasks.filter((x) => x.roundId === roundId)) {
      const byPart = submitted.get(task.villageId) ?? { households: [], groups: [], village: [] };
      for (const [i, s] of task.subjects.entries()) {
        if (s.sheet && !s.sheet.mine) continue;
        const sheet = sheetFor(task.villageId, task.part, i, task.items);
        const res = await judge.post('/api/competition/scores', {
          id: randomUUID(),
          roundId,
          villageId: task.villageId,
          part: task.part,
          subjectId: s.subjectId,
          sheet,
        });
        expect(res.statusCode, res.body).toBe(200);
        byPart[task.part].push(sheet);
      }
      submitted.set(task.villageId, byPart);
    }
  }
  return submitted;
}

/** Nominates the first two groups of each village, as that village's staff. */
export async function nominateFirstGroups(staff: Map<string, Client>, roundId: string, detail: RoundDetail) {
  for (const v of detail.villages) {
    const client = staff.get(v.villageId);
    if (!client) throw new Error(`no staff for ${v.villageName}`);
    const res = await client.put(`/api/competition/rounds/${roundId}/nominations/${v.villageId}`, {
      groupIds: v.groups.slice(0, 2).map((g) => g.id),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

export interface RoundDetail {
  round: {
    id: string;
    status: string;
    month: string;
    publishedOn: string | null;
    publicity: { start: string; end: string } | null;
  };
  rubric: Rubric;
  prizes: { rewards: number[]; deductions: number[] };
  villages: {
    villageId: string;
    villageName: string;
    sample: { seed: string; size: number; populationSize: number; households: { id: string; headName: string }[] } | null;
    groups: { id: string; name: string }[];
    nomination: { groupIds: string[] } | null;
    progress: Record<CompetitionPart, { in: number; expected: number }>;
    complete: boolean;
  }[];
  ranking: RankingRow[] | null;
  preview: RankingRow[] | null;
  objections: { id: string; status: string; current: boolean }[];
}

export interface RankingRow {
  rank: number;
  villageId: string;
  villageName: string;
  households: number;
  groups: number;
  village: number;
  total: number;
  moneyFen: number;
  money: number;
  moneyText: string;
}

/** The cells of the first sheet of an .xlsx, row by row, as text. */
export async function readXlsx(raw: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

/** The display name of a fixture account. */
export function nameOf(county: CountyFixture, username: string): string {
  return county.users.get(username)?.displayName ?? username;
}

export function idOf(county: CountyFixture, username: string): string {
  const id = county.users.get(username)?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}
