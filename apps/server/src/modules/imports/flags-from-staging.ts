/**
 * The flags of the households an import creates, computed from their staged rows on a connection
 * of its own while the commit's transaction inserts them (on PGlite, which has one connection,
 * just before that transaction).
 * A new household's rule inputs are exactly its staged row and staged members, which were
 * committed when the file was checked, so they need not wait for the commit's inserts: the commit
 * then copies the flags in one statement instead of reading 100,000 households back, evaluating
 * them and copying the result on its own connection (~2 s of its 14 at 100,000 households).
 * Households the registry gained or lost since the check, and households the import changes, are
 * left to flagAffected in the transaction, as are all of them if the live rule sets changed.
 */
import type { Evaluator } from '@fupin/domain';
import type { Database } from '../../db/client';
import { CsvLines, csvField, type RawTx, rawTransaction } from '../../db/raw';
import { type RuleHouseholdRow, toRuleHousehold } from '../rules/load-households';
import { flagCsvFields } from '../rules/refresh-flags';
import { evaluatorOf, liveRuleSets } from '../rules/repository';
import { householdsPerFlagBatch } from './flags';

const COLUMNS = [
  'township_id',
  'import_id',
  'household_number',
  'seq',
  'rule_set_id',
  'rule_id',
  'kind',
  'explanation_zh',
  'explanation_en',
  'values',
];

/** The rule sets a computation used: each by id and the moment it last changed. */
export type RuleSetStamps = string;

const stampsOf = (sets: { id: string; updatedAt: Date }[]): RuleSetStamps =>
  sets
    .map((s) => `${s.id}@${s.updatedAt.getTime()}`)
    .sort()
    .join(',');

/** The stamps of the township's live rule sets as a transaction sees them. */
export async function liveRuleSetStamps(db: Parameters<typeof liveRuleSets>[0], townshipId: string): Promise<RuleSetStamps> {
  return stampsOf(await liveRuleSets(db, townshipId));
}

/**
 * The staged households without a registered household (as matched at the check) and their
 * staged members, in the shape the rules read. Members grouped in one pass (the staging tables
 * have no index on the household number, and need none for this).
 */
const STAGED_RULE_INPUTS = `
  select s.household_number as id, s.poverty_status, s.wage_income::float8 as wage, s.business_income::float8 as business,
         s.property_income::float8 as property, s.transfer_income::float8 as transfer, s.housing_structure, s.other_safe_house,
         s.housing_grade, s.hazard_point, s.industry_projects, s.industry_failed, s.employment_unstable, s.low_motivation_note,
         s.risk_note, coalesce(m.members, '[]') as members
  from import_households s
  left join (
    select household_number, json_agg(json_build_array(status, birth_date, sex, relation, marital_status, labour_capacity,
             health, disability_grade, schooling_stage, employment, row_no::text) order by row_no) as members
    from import_members where township_id = $1 and import_id = $2 and member_id is null
    group by household_number) m on m.household_number = s.household_number
  where s.township_id = $1 and s.import_id = $2 and s.valid and s.household_id is null`;

/**
 * Computes and stores (in import_flags, committed) the flags of the import's new households under
 * the live rule sets. Returns the stamps of the sets it used; the commit uses the stored flags
 * only if its own transaction sees the same.
 */
export async function flagStagedNewHouseholds(database: Database, townshipId: string, importId: string): Promise<RuleSetStamps> {
  const sets = await liveRuleSets(database.db, townshipId);
  const evaluators = sets.map((s) => ({ id: csvField(s.id), evaluator: evaluatorOf(s) }));
  await rawTransaction(database, async (tx) => {
    await tx.query('delete from import_flags where township_id = $1 and import_id = $2', [townshipId, importId]);
    // On a server, a sort or hash of the whole import's members belongs in memory (~100 MB at
    // 350,000); PGlite's memory, once grown, stays with the process.
    if (tx.engine === 'pg') await tx.query("set local work_mem = '256MB'");
    await tx.query('set local jit = off');
    await tx.query(`declare staged no scroll cursor for ${STAGED_RULE_INPUTS}`, [townshipId, importId]);
    const prefix = `${csvField(townshipId)},${csvField(importId)},`;
    const batch = householdsPerFlagBatch(tx.engine);
    for (;;) {
      const { rows } = await tx.query<RuleHouseholdRow>(`fetch ${batch} from staged`);
      if (rows.length === 0) break;
      const lines = flagLines(rows, evaluators, prefix);
      await tx.copyIn('import_flags', COLUMNS, lines.chunks());
      lines.release();
      if (rows.length < batch) break;
    }
  });
  return stampsOf(sets);
}

/** One line per flag fired, and one without a rule for a household that fired none. */
function flagLines(rows: RuleHouseholdRow[], evaluators: { id: string; evaluator: Evaluator }[], prefix: string): CsvLines {
  const lines = new CsvLines();
  for (const row of rows) {
    const household = toRuleHousehold(row);
    const head = `${prefix}${csvField(row.id)},`;
    let seq = 0;
    for (const { id, evaluator } of evaluators)
      for (const f of evaluator.evaluate(household)) lines.push(`${head}${seq++},${id},${flagCsvFields(f)}`);
    if (seq === 0) lines.push(`${head}0,,,,,,`);
  }
  return lines;
}

/**
 * In the commit's transaction: copies the stored flags of the households it created (listed in
 * `import_affected` with `created`) and takes those households off the list, so that
 * flagAffected computes only the rest. Returns the number of flags written.
 */
export async function copyStagedFlags(raw: RawTx, townshipId: string, importId: string, now: Date): Promise<number> {
  const written = await raw.query(
    `insert into household_flags (township_id, household_id, rule_set_id, rule_id, kind, explanation_zh, explanation_en, values, computed_at)
     select f.township_id, a.id, f.rule_set_id, f.rule_id, f.kind, f.explanation_zh, f.explanation_en, f.values, $3
     from import_flags f join import_affected a on a.created and a.household_number = f.household_number
     where f.township_id = $1 and f.import_id = $2 and f.rule_id is not null`,
    [townshipId, importId, now],
  );
  await raw.query(
    `delete from import_affected a where a.created and a.household_number in (
       select household_number from import_flags where township_id = $1 and import_id = $2)`,
    [townshipId, importId],
  );
  return written.rowCount;
}
