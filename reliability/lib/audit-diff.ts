/**
 * What a call changed, row by row, and what it audited. Every table of the database is read
 * before and after (each row as a hash of its JSON, under its primary key); each changed row is
 * traced to the entity it belongs to, and each entity must carry an audit record of the call.
 * A table this file does not know fails the suite as soon as a call changes it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/client';

/** How a table's rows belong to entities: the key of a row, and the audited entities that cover it. */
interface TableSpec {
  key: string;
  /** alternatives: (entity type, SQL for its id); '*' as id accepts any record of that type */
  covers: [string, string][];
  /** columns left out of the comparison (bookkeeping every request touches) */
  ignore?: string[];
}

const ROW = "coalesce(township_id::text, '')";
export const TABLES: Record<string, TableSpec> = {
  units: { key: 'id', covers: [['unit', 'id']] },
  work_units: { key: 'id', covers: [['work_unit', 'id']] },
  // A login or a refused one changes the account's counters; it is audited as the account's session.
  users: {
    key: 'id',
    covers: [
      ['user', 'id'],
      ['session', 'id'],
    ],
  },
  role_assignments: {
    key: 'id',
    covers: [
      ['role_assignment', 'id'],
      ['user', 'user_id'],
    ],
  },
  sessions: {
    key: 'id',
    covers: [
      ['session', 'user_id'],
      ['user', 'user_id'],
    ],
    ignore: ['last_seen_at'],
  },
  households: { key: 'id', covers: [['household', 'id']] },
  members: { key: 'id', covers: [['household', 'household_id']] },
  pairings: { key: "household_id || ':' || cadre_id", covers: [['household', 'household_id']] },
  // Flags are derived: recomputed with the household that changed, or with the rule set activated.
  household_flags: {
    key: "rule_set_id || ':' || household_id || ':' || rule_id",
    covers: [
      ['household', 'household_id'],
      ['rule_set', 'rule_set_id'],
    ],
  },
  household_tags: { key: `${ROW} || ':' || code`, covers: [['household_tag', 'code']] },
  imports: { key: 'id', covers: [['import', 'id']] },
  import_households: { key: "import_id || ':' || row_no", covers: [['import', 'import_id']] },
  import_members: { key: "import_id || ':' || row_no", covers: [['import', 'import_id']] },
  import_errors: { key: "import_id || ':' || seq", covers: [['import', 'import_id']] },
  import_flags: { key: "import_id || ':' || household_number || ':' || seq", covers: [['import', 'import_id']] },
  rule_sets: { key: 'id', covers: [['rule_set', 'id']] },
  jobs: { key: 'id', covers: [['rule_set', "detail->>'ruleSetId'"]] },
  campaigns: { key: 'id', covers: [['campaign', 'id']] },
  visits: { key: 'id', covers: [['visit', 'id']] },
  discrepancies: {
    key: 'id',
    covers: [
      ['discrepancy', 'id'],
      ['visit', 'visit_id'],
    ],
  },
  village_summaries: {
    key: "campaign_id || ':' || village_id || ':' || kind",
    covers: [['*_summary', "campaign_id || ':' || village_id"]],
  },
  problems: { key: 'id', covers: [['problem', 'id']] },
  problem_events: { key: 'id', covers: [['problem', 'problem_id']] },
  problem_evidence: { key: 'id', covers: [['problem', 'problem_id']] },
  supervision_orders: { key: 'id', covers: [['order', 'id']] },
  order_problems: { key: "order_id || ':' || problem_id", covers: [['order', 'order_id']] },
  sites: { key: 'id', covers: [['site', 'id']] },
  checklists: { key: 'id', covers: [['checklist', 'id']] },
  inspections: { key: 'id', covers: [['inspection', 'id']] },
  competition_settings: { key: 'township_id', covers: [['competition_settings', 'township_id']] },
  competition_rounds: { key: 'id', covers: [['competition_round', 'id']] },
  competition_samples: { key: "round_id || ':' || village_id", covers: [['competition_sample', 'round_id']] },
  competition_nominations: { key: "round_id || ':' || village_id", covers: [['competition_nomination', 'round_id']] },
  competition_assignments: {
    key: "round_id || ':' || part || ':' || village_id || ':' || judge_id",
    covers: [['competition_assignment', 'round_id']],
  },
  competition_scores: { key: 'id', covers: [['competition_score', 'id']] },
  competition_score_photos: {
    key: 'id',
    covers: [
      ['competition_score', 'score_id'],
      ['competition_score_photo', 'id'],
    ],
  },
  competition_objections: { key: 'id', covers: [['competition_objection', 'id']] },
  competition_year_scores: {
    key: "year || ':' || village_id",
    covers: [['competition_year_score', "year || ':' || village_id"]],
  },
  // A message to a person about a change the same call audited, or read by its person.
  notifications: {
    key: 'id',
    covers: [
      ['notification', 'id'],
      ['notification', 'user_id'],
      ['*', "'*'"],
    ],
  },
};

/** Tables that hold no entity of their own. */
const SKIP = new Set(['audit_log', '__drizzle_migrations']);

interface RowState {
  hash: string;
  entities: string[];
}
export type Snapshot = Map<string, Map<string, RowState>>;

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

/** Every row of every table, hashed, with the entities it belongs to. */
export async function snapshot(database: Database): Promise<Snapshot> {
  const tables = await rows<{ name: string }>(
    database,
    // Parents only: the hash partitions of households, members, visits, problems and audit_log
    // (migration 0009) are their parent's storage, and reading them too would count each row twice.
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`,
  );
  const out: Snapshot = new Map();
  for (const { name } of tables) {
    if (SKIP.has(name)) continue;
    const spec = TABLES[name];
    const ignore = (spec?.ignore ?? []).map((c) => ` - '${c}'`).join('');
    const key = spec ? `(${spec.key})::text` : 'md5(t::text)';
    const entities = spec
      ? spec.covers.map(([type, id]) => `'${type}=' || coalesce((${id})::text, '')`).join(', ')
      : `'?${name}'`;
    const list = await rows<{ k: string; h: string; e: string[] }>(
      database,
      sql.raw(`select ${key} as k, md5((to_jsonb(t)${ignore})::text) as h, array[${entities}] as e from "${name}" t`),
    );
    out.set(name, new Map(list.map((r) => [r.k, { hash: r.h, entities: r.e }])));
  }
  return out;
}

export interface Change {
  table: string;
  key: string;
  kind: 'added' | 'removed' | 'changed';
  /** the entities the row belongs to, as "type=id" */
  entities: string[];
}

/** The rows that differ between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  for (const [table, now] of after) {
    const was = before.get(table) ?? new Map<string, RowState>();
    for (const [key, row] of now) {
      const old = was.get(key);
      if (!old) out.push({ table, key, kind: 'added', entities: row.entities });
      else if (old.hash !== row.hash) out.push({ table, key, kind: 'changed', entities: row.entities });
    }
    for (const [key, row] of was) if (!now.has(key)) out.push({ table, key, kind: 'removed', entities: row.entities });
  }
  return out;
}

/** Whether an audit record "type=id" covers an entity alternative "type=id" ('*' matches any). */
export function covers(record: string, entity: string): boolean {
  const [rt, rid] = split(record);
  const [et, eid] = split(entity);
  const typeOk = et === '*' || (et.startsWith('*') ? rt.endsWith(et.slice(1)) : rt === et);
  return typeOk && (eid === '*' || rid === eid);
}

function split(s: string): [string, string] {
  const i = s.indexOf('=');
  return [s.slice(0, i), s.slice(i + 1)];
}
