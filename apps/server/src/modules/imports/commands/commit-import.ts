/**
 * Commits a checked import in one transaction: new households and members are inserted,
 * changed ones updated, unchanged ones left alone (so importing the same file twice changes
 * nothing), and each household that changed gets one audit record with its before and after.
 */
import { DomainError } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type Tx } from '../../../db/client';
import type { ImportCounts } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { reserveUuidv7, uuidv7Sql } from '../../../lib/ids';
import { refreshFlags } from '../../rules/refresh-flags';
import { HOUSEHOLD_KEYS, MEMBER_KEYS } from '../columns';
import { householdAuditDocs, householdProjection, matchStaged, memberProjection } from '../diff.sql';
import { getImport, setImportState } from '../repository';

const raw = (text: string) => sql.raw(text);

async function exec(tx: Tx, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await tx.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

export async function commitImport(ctx: CommandContext, input: { id: string }): Promise<ImportCounts> {
  const { tx, now } = ctx;
  const found = await getImport(tx, input.id);
  const t = found.townshipId;
  const i = found.id;
  // Lock the import so two clicks of 提交 commit once.
  await tx.execute(sql`select 1 from imports where township_id = ${t} and id = ${i} for update`);
  const current = await getImport(tx, i);
  if (current.status === 'committed') return current.counts as ImportCounts;
  if (current.status !== 'checked')
    throw new DomainError(current.status === 'invalid' ? 'IMPORT_HAS_ERRORS' : 'IMPORT_NOT_READY', { count: current.errorCount });

  await matchStaged((q) => tx.execute(q), t, i);
  const staged = sql`select household_number from import_households where township_id = ${t} and import_id = ${i}
                     union select household_number from import_members where township_id = ${t} and import_id = ${i}`;
  await tx.execute(
    sql`create temp table import_affected (township_id uuid, id uuid, before jsonb, primary key (township_id, id)) on commit drop`,
  );
  // Before-images of every registered household the file touches.
  await tx.execute(sql`insert into import_affected (township_id, id, before)
    select township_id, id, doc from (${householdAuditDocs(sql`select township_id, id from households where township_id = ${t} and household_number in (${staged})`)}) d`);

  const hCols = HOUSEHOLD_KEYS.join(', ');
  // A new household's head comes from its staged members, so no second pass is needed for it.
  const newHouseholds = await exec(
    tx,
    sql`insert into households (township_id, id, ${raw(hCols)}, head_name, head_pinyin, version, created_at, updated_at)
      select s.township_id, gen_random_uuid(), ${raw(HOUSEHOLD_KEYS.map((c) => `r.${c}`).join(', '))},
             coalesce(head.data->>'name', ''), coalesce(head.data->>'name_pinyin', ''), 1, ${now}, ${now}
      from import_households s cross join lateral jsonb_populate_record(null::households, s.data) r
      left join lateral (
        select m.data from import_members m
        where m.township_id = s.township_id and m.import_id = s.import_id and m.household_number = s.household_number
        order by (m.data->>'status' = 'current' and m.data->>'relation' = 'head') desc, (m.data->>'status' = 'current') desc, m.row_no
        limit 1) head on true
      where s.township_id = ${t} and s.import_id = ${i} and s.data is not null
        and s.household_id is null`,
  );
  await exec(
    tx,
    sql`update households h set ${raw(HOUSEHOLD_KEYS.map((c) => `${c} = r.${c}`).join(', '))}, version = h.version + 1, updated_at = ${now}
      from import_households s cross join lateral jsonb_populate_record(null::households, s.data) r
      where s.township_id = ${t} and s.import_id = ${i} and s.data is not null
        and h.township_id = s.township_id and h.id = s.household_id
        and ${raw(householdProjection('h'))} is distinct from s.data`,
  );
  const mCols = MEMBER_KEYS.join(', ');
  await exec(
    tx,
    sql`update members x set ${raw(MEMBER_KEYS.map((c) => `${c} = r.${c}`).join(', '))}, updated_at = ${now}
      from import_members s cross join lateral jsonb_populate_record(null::members, s.data) r
      where s.township_id = ${t} and s.import_id = ${i} and x.township_id = s.township_id
        and x.id = s.member_id and ${raw(memberProjection('x'))} is distinct from s.data`,
  );
  await exec(
    tx,
    sql`insert into members (township_id, id, household_id, ${raw(mCols)}, sort_order, created_at, updated_at)
      select s.township_id, gen_random_uuid(), h.id, ${raw(MEMBER_KEYS.map((c) => `r.${c}`).join(', '))}, s.row_no, ${now}, ${now}
      from import_members s
      join households h on h.township_id = s.township_id and h.household_number = s.household_number
      cross join lateral jsonb_populate_record(null::members, s.data) r
      where s.township_id = ${t} and s.import_id = ${i} and s.member_id is null`,
  );
  // The head's name (and its pinyin) of households already registered follow their members.
  await exec(
    tx,
    sql`update households h set head_name = m.name, head_pinyin = m.name_pinyin
      from (select distinct on (x.household_id) x.household_id, x.name, x.name_pinyin from members x
            where x.township_id = ${t} and x.household_id in (select id from import_affected)
            order by x.household_id, (x.status = 'current' and x.relation = 'head') desc, (x.status = 'current') desc, x.sort_order) m
      where h.township_id = ${t} and h.id = m.household_id and (h.head_name is distinct from m.name or h.head_pinyin is distinct from m.name_pinyin)`,
  );
  await tx.execute(sql`insert into import_affected (township_id, id, before)
    select township_id, id, null from households where township_id = ${t} and household_number in (${staged})
    on conflict (township_id, id) do nothing`);
  const [affected] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from import_affected`);
  const block = reserveUuidv7(now, affected?.n ?? 0);
  const audited = await exec(
    tx,
    sql`insert into audit_log (township_id, id, at, actor_id, actor_name, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
      select ${t}, ${raw(uuidv7Sql(block, 'c.n'))}, ${now}, ${ctx.actor.userId}, ${ctx.actor.name},
             case when c.before is null then 'import_create' else 'import_update' end, 'household', c.id::text, c.village_id,
             c.before, c.doc, ${ctx.actor.requestId}, ${ctx.actor.ip}
      from (select a.id, a.before, d.village_id, d.doc, (row_number() over (order by d.id)) - 1 as n
            from import_affected a
            join (${householdAuditDocs(sql`select township_id, id from import_affected`)}) d on d.township_id = a.township_id and d.id = a.id
            where a.before is distinct from d.doc) c`,
  );
  // Flags follow the households, in the same transaction.
  const touched = await selectRows<{ id: string }>(tx, sql`select id from import_affected`);
  const flagged = await refreshFlags(
    tx,
    t,
    touched.map((r) => r.id),
    now,
  );
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
      householdsCreated: newHouseholds,
      householdsAudited: audited,
      flagsWritten: flagged,
    },
  });
  for (const table of ['import_households', 'import_members', 'import_errors']) {
    await tx.execute(sql`delete from ${raw(table)} where township_id = ${t} and import_id = ${i}`);
  }
  return counts;
}
