/**
 * Commits a checked import in one transaction: new households and members are inserted,
 * changed ones updated, unchanged ones left alone (so importing the same file twice changes
 * nothing), and each household that changed gets one audit record with its before and after.
 * Every step is one statement over the whole import (set-based, typed staging columns copied
 * as they are), so 100,000 households take seconds, not minutes.
 */
import { DomainError } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { rawOf } from '../../../db/raw';
import { IMPORT_STAGING_TABLES, type ImportCounts, type ImportStatus } from '../../../db/schema/index';
import type { Command, CommandContext } from '../../../lib/command';
import { reserveUuidv7, uuidv7Sql } from '../../../lib/ids';
import { HOUSEHOLD_KEYS, MEMBER_KEYS } from '../columns';
import { householdAuditDocOf, householdAuditDocs, householdDiffers, matchStaged, memberDiffers } from '../diff.sql';
import { flagAffected } from '../flags';
import { copyStagedFlags, flagStagedNewHouseholds, liveRuleSetStamps, type RuleSetStamps } from '../flags-from-staging';
import { getImport, setImportState } from '../repository';

const dialect = new PgDialect();
const list = (keys: readonly string[], alias = '') => keys.map((k) => `${alias}${k}`).join(', ');
const assign = (keys: readonly string[], alias: string) => keys.map((k) => `${k} = ${alias}.${k}`).join(', ');

/** Why an import that is not `checked` cannot be committed: errors to correct, a file that could not be read, or not checked yet. */
const REFUSAL: Partial<Record<ImportStatus, 'IMPORT_HAS_ERRORS' | 'IMPORT_FAILED'>> = {
  invalid: 'IMPORT_HAS_ERRORS',
  failed: 'IMPORT_FAILED',
};

/**
 * The commit as a route runs it: the flags of the households it creates are computed from their
 * staged rows (flags-from-staging.ts) on a second connection while its transaction inserts them,
 * or, on PGlite (one connection), just before it.
 */
export async function commitImportCommand(database: Database, id: string): Promise<Command<{ id: string }, ImportCounts>> {
  const found = await getImport(database.db, id);
  if (found.status !== 'checked') return (ctx, input) => commitImport(ctx, input);
  const stagedFlags = flagStagedNewHouseholds(database, found.townshipId, found.id).catch(() => null);
  // PGlite has one connection: there the computation ends before the commit's transaction begins.
  if (database.pglite) await stagedFlags;
  return (ctx, input) => commitImport(ctx, input, stagedFlags);
}

/**
 * stagedFlags: the new households' flags being computed from their staged rows (their rule sets'
 * stamps once stored, null if that failed), or null to compute every flag here.
 */
export async function commitImport(
  ctx: CommandContext,
  input: { id: string },
  stagedFlags: Promise<RuleSetStamps | null> | null = null,
): Promise<ImportCounts> {
  const { tx, now } = ctx;
  const found = await getImport(tx, input.id);
  const t = found.townshipId;
  const i = found.id;
  // Lock the import so two clicks of 提交 commit once.
  await tx.execute(sql`select 1 from imports where township_id = ${t} and id = ${i} for update`);
  const current = await getImport(tx, i);
  if (current.status === 'committed') return current.counts as ImportCounts;
  if (current.status !== 'checked')
    throw new DomainError(REFUSAL[current.status] ?? 'IMPORT_NOT_READY', { count: current.errorCount });

  const raw = rawOf(tx);
  const run = (text: string, params: unknown[] = [t, i]) => raw.query(text, params);
  // The staging tables are unlogged (0011), so crash recovery empties them. A checked import has
  // staged households (a sheet without any is an error), so none left means they were lost:
  // committing would change nothing while saying it was done.
  const [staged] = (
    await raw.query('select exists (select 1 from import_households where township_id = $1 and import_id = $2) as ok', [t, i])
  ).rows;
  if (!staged?.ok) throw new DomainError('IMPORT_FAILED', { count: 0 });
  // One plan per statement, each run once over the whole import: compiling them (JIT) costs
  // more than it saves, and sorts and hashes of 100,000 rows belong in memory, not on disk (the
  // new members, sorted into id order, are ~140 MB at 350,000; for this transaction only).
  await run('set local jit = off', []);
  if (raw.engine === 'pg') await run("set local work_mem = '256MB'", []);
  await matchStaged((q) => tx.execute(q), t, i);
  // Every household the import touches: before-images of the registered ones first, the new
  // ones as they are inserted. `household_number` links staged members to them.
  await run(
    'create temp table import_affected (township_id uuid, id uuid, household_number text, before jsonb, created boolean not null, primary key (township_id, id)) on commit drop',
    [],
  );
  await run(
    `insert into import_affected (township_id, id, household_number, before, created)
     select township_id, id, doc->>'household_number', doc, false from (${dialect.sqlToQuery(householdAuditDocs(sql.raw('select township_id, id from households where township_id = $1 and household_number in (select household_number from import_households where township_id = $1 and import_id = $2 union select household_number from import_members where township_id = $1 and import_id = $2)'), sql.raw('$1::uuid'))).sql}) d`,
  );

  // A new household's head comes from its staged members: the current head, else the first
  // current member, else the first member (one sort of the import's members, not a lookup each).
  // Ids are UUID v7 from one reserved block, in row order: the primary-key and household
  // indexes then grow at their right edge instead of taking 450,000 random page writes.
  const newCount = async (text: string) => Number((await run(text)).rows[0]?.n ?? 0);
  const householdIds = reserveUuidv7(
    now,
    await newCount(
      'select count(*)::int as n from import_households where township_id = $1 and import_id = $2 and valid and household_id is null',
    ),
  );
  const created = await run(
    `with head as (
       select distinct on (household_number) household_number, name, name_pinyin from import_members
       where township_id = $1 and import_id = $2
       order by household_number, (status = 'current' and relation = 'head') desc, (status = 'current') desc, row_no),
     ins as (
       insert into households (township_id, id, ${list(HOUSEHOLD_KEYS)}, head_name, head_pinyin, version, created_at, updated_at)
       select s.township_id, ${uuidv7Sql(householdIds, 's.n')}, ${list(HOUSEHOLD_KEYS, 's.')},
              coalesce(head.name, ''), coalesce(head.name_pinyin, ''), 1, $3, $3
       from (select x.*, row_number() over (order by x.row_no) - 1 as n from import_households x
             where x.township_id = $1 and x.import_id = $2 and x.valid and x.household_id is null) s
       left join head on head.household_number = s.household_number
       returning township_id, id, household_number)
     insert into import_affected (township_id, id, household_number, before, created)
     select township_id, id, household_number, null, true from ins`,
    [t, i, now],
  );
  await run(
    `update households h set ${assign(HOUSEHOLD_KEYS, 's')}, version = h.version + 1, updated_at = $3
     from import_households s
     where s.township_id = $1 and s.import_id = $2 and s.valid
       and h.township_id = s.township_id and h.id = s.household_id and ${householdDiffers('h', 's')}`,
    [t, i, now],
  );
  await run(
    `update members x set ${assign(MEMBER_KEYS, 's')}, updated_at = $3
     from import_members s
     where s.township_id = $1 and s.import_id = $2 and x.township_id = s.township_id
       and x.id = s.member_id and ${memberDiffers('x', 's')}`,
    [t, i, now],
  );
  await run('analyze import_affected', []);
  const memberIds = reserveUuidv7(
    now,
    await newCount(
      'select count(*)::int as n from import_members where township_id = $1 and import_id = $2 and member_id is null',
    ),
  );
  await run(
    `insert into members (township_id, id, household_id, ${list(MEMBER_KEYS)}, sort_order, created_at, updated_at)
     select s.township_id, ${uuidv7Sql(memberIds, 's.n')}, s.hid, ${list(MEMBER_KEYS, 's.')}, s.row_no, $3, $3
     from (select x.*, a.id as hid, row_number() over (order by a.id, x.row_no) - 1 as n
           from import_members x
           join import_affected a on a.township_id = x.township_id and a.household_number = x.household_number
           where x.township_id = $1 and x.import_id = $2 and x.member_id is null) s`,
    [t, i, now],
  );
  // The head's name (and its pinyin) of households already registered follow their members.
  await run(
    `update households h set head_name = m.name, head_pinyin = m.name_pinyin
     from (select distinct on (x.household_id) x.household_id, x.name, x.name_pinyin from members x
           where x.township_id = $1 and x.household_id in (select id from import_affected where not created)
           order by x.household_id, (x.status = 'current' and x.relation = 'head') desc, (x.status = 'current') desc, x.sort_order) m
     where h.township_id = $1 and h.id = m.household_id and (h.head_name is distinct from m.name or h.head_pinyin is distinct from m.name_pinyin)`,
    [t],
  );

  // One audit record per household that changed, its document built once, in SQL. Their ids
  // follow the households' ids (numbered on the narrow list, so the documents are never sorted).
  const [affected] = (await run('select count(*)::int as n from import_affected', [])).rows;
  const block = reserveUuidv7(now, Number(affected?.n ?? 0));
  // lz4 (where the server has it) compresses the 100,000 documents several times faster than pglz.
  const [lz4] = (await run("select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)", []))
    .rows;
  if (lz4) await run("set local default_toast_compression = 'lz4'", []);
  const audited = await run(
    `insert into audit_log (township_id, id, at, actor_id, actor_name, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
     select $1, ${uuidv7Sql(block, 'a.n')}, $2, $3, $4,
            case when a.before is null then 'import_create' else 'import_update' end, 'household', a.id::text, d.village_id,
            a.before, d.doc, $5, $6
     from (select id, before, (row_number() over (order by id)) - 1 as n from import_affected) a
     cross join lateral (${dialect.sqlToQuery(householdAuditDocOf(sql.raw('a.id'), sql.raw('$1::uuid'))).sql}) d
     where a.before is distinct from d.doc`,
    [t, now, ctx.actor.userId, ctx.actor.name, ctx.actor.requestId, ctx.actor.ip],
  );
  // Flags follow the households, in the same transaction: the new households' as computed
  // alongside if that used the rule sets this transaction sees, every other one here.
  const stamps = stagedFlags ? await stagedFlags : null;
  const copied = stamps !== null && stamps === (await liveRuleSetStamps(tx, t)) ? await copyStagedFlags(raw, t, i, now) : 0;
  const flagged = copied + (await flagAffected(tx, raw, dialect, t, now));
  const counts = { ...(current.counts as ImportCounts) };
  await setImportState(tx, t, i, { status: 'committed', committedAt: now, updatedAt: now, counts });
  await ctx.audit.record({
    townshipId: t,
    entityType: 'import',
    entityId: i,
    action: 'commit',
    unitId: current.unitId,
    after: {
      fileName: current.fileName,
      ...counts,
      householdsCreated: created.rowCount,
      householdsAudited: audited.rowCount,
      flagsWritten: flagged,
      // of which computed from the staged rows before or beside this transaction
      flagsFromStagedRows: copied,
    },
  });
  for (const table of IMPORT_STAGING_TABLES) {
    await run(`delete from ${table} where township_id = $1 and import_id = $2`);
  }
  return counts;
}
