/**
 * Checks across rows, run in SQL on the staging tables once the whole file is read: repeated
 * household numbers and ID numbers inside the file, members of no household, ID numbers already
 * registered in another household, households registered outside the importer's villages, and
 * one current head per household after the import.
 */
import { columnLetter, HOUSEHOLD_SHEET, MEMBER_SHEET } from '@fupin/domain';
import type { RawTx } from '../../db/raw';
import { sameStagedHousehold } from './diff.sql';
import type { HeaderMap, StagedError } from './stage-file';

const LIMIT = 5001;

/** Reads: a transaction's, or the database's, where each may take a connection of its own. */
export type Reads = Pick<RawTx, 'query'>;

/** Runs reads one after another; the results in order. */
async function inTurn<T extends unknown[]>(...reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}

interface Context {
  townshipId: string;
  importId: string;
  villageIds: string[];
  headers: { households: HeaderMap; members: HeaderMap };
}

const col = (map: HeaderMap, header: string) => {
  const i = map.get(header);
  return i === undefined ? { letter: null, header: null } : { letter: columnLetter(i), header };
};

/**
 * Runs every check; returns the errors found (at most about 5,000 of each kind) and their true
 * count. The checks only read, so they run in two lanes side by side: on a server, where each
 * read may take a connection of its own, the second core works while the file's reading is over.
 */
export async function crossCheck(tx: Reads, c: Context): Promise<{ errors: StagedError[]; count: number }> {
  const errors: StagedError[] = [];
  let count = 0;
  const p = [c.townshipId, c.importId];
  const hNumber = col(c.headers.households, '户编号');
  const mNumber = col(c.headers.members, '户编号');
  const mId = col(c.headers.members, '身份证号');

  // Repeated numbers first (one window over the import), then the few repeats compared whole.
  const dupHouseholdsQuery = () =>
    tx.query<{ row_no: number; first_row: number; same: boolean }>(
      `with d as materialized (
       select row_no, first_row from (
         select row_no, first_value(row_no) over (partition by household_number order by row_no) as first_row
         from import_households where township_id = $1 and import_id = $2) f
       where row_no <> first_row order by row_no limit ${LIMIT})
     select d.row_no, d.first_row, (s.valid and a.valid and ${sameStagedHousehold('s', 'a')}) as same
     from d
     join import_households s on s.township_id = $1 and s.import_id = $2 and s.row_no = d.row_no
     join import_households a on a.township_id = $1 and a.import_id = $2 and a.row_no = d.first_row
     order by d.row_no`,
      p,
    );
  const dupIdsQuery = () =>
    tx.query<{ row_no: number; first_row: number }>(
      `with f as (
       select row_no, first_value(row_no) over (partition by id_number order by row_no) as first_row
       from import_members where township_id = $1 and import_id = $2 and id_number is not null)
     select row_no, first_row from f where row_no <> first_row order by row_no limit ${LIMIT}`,
      p,
    );
  const orphansQuery = () =>
    tx.query<{ row_no: number; household_number: string }>(
      `select m.row_no, m.household_number from import_members m
     where m.township_id = $1 and m.import_id = $2
       and not exists (select 1 from import_households h where h.township_id = m.township_id and h.import_id = m.import_id and h.household_number = m.household_number)
       and not exists (select 1 from households x where x.township_id = m.township_id and x.household_number = m.household_number)
     order by m.row_no limit ${LIMIT}`,
      p,
    );
  const elsewhereQuery = () =>
    tx.query<{
      row_no: number;
      id_number: string;
      head_name: string;
      household_number: string | null;
      village: string;
    }>(
      `select m.row_no, m.id_number, h.head_name, h.household_number, v.name as village
     from import_members m
     join members x on x.township_id = m.township_id and x.id_number = m.id_number
     join households h on h.township_id = x.township_id and h.id = x.household_id
     join units v on v.id = h.village_id
     where m.township_id = $1 and m.import_id = $2 and h.household_number is distinct from m.household_number
     order by m.row_no limit ${LIMIT}`,
      p,
    );
  const outsideQuery = () =>
    tx.query<{ sheet: string; row_no: number; household_number: string; village: string }>(
      `select '${HOUSEHOLD_SHEET}' as sheet, s.row_no, s.household_number, v.name as village
     from import_households s
     join households h on h.township_id = s.township_id and h.household_number = s.household_number
     join units v on v.id = h.village_id
     where s.township_id = $1 and s.import_id = $2 and not (h.village_id = any($3::uuid[]))
     union all
     select '${MEMBER_SHEET}', m.row_no, m.household_number, v.name
     from import_members m
     join households h on h.township_id = m.township_id and h.household_number = m.household_number
     join units v on v.id = h.village_id
     where m.township_id = $1 and m.import_id = $2 and not (h.village_id = any($3::uuid[]))
       and not exists (select 1 from import_households s where s.township_id = m.township_id and s.import_id = m.import_id and s.household_number = m.household_number)
     order by 1, 2 limit ${LIMIT}`,
      [...p, c.villageIds],
    );
  const headsQuery = () =>
    tx.query<{ household_number: string; heads: number; h_row: number | null; m_row: number | null }>(
      `with staged as (
       select household_number, id_number, name, relation, status, row_no
       from import_members where township_id = $1 and import_id = $2),
     numbers as (
       select household_number from staged
       union select household_number from import_households where township_id = $1 and import_id = $2 and valid),
     kept as (
       select h.household_number, x.relation, x.status
       from households h join members x on x.township_id = h.township_id and x.household_id = h.id
       where h.township_id = $1 and h.household_number in (select household_number from numbers)
         and not exists (
           select 1 from staged s where s.household_number = h.household_number
             and ((s.id_number is not null and s.id_number = x.id_number) or (s.id_number is null and x.id_number is null and s.name = x.name)))),
     merged as (
       select household_number, relation, status from staged union all select household_number, relation, status from kept),
     counts as (
       select household_number,
              count(*) filter (where status = 'current') as current,
              count(*) filter (where status = 'current' and relation = 'head') as heads
       from merged group by household_number),
     bad as (select household_number, heads from counts where current > 0 and heads <> 1),
     h_rows as (
       select household_number, min(row_no) as h_row from import_households
       where township_id = $1 and import_id = $2 and household_number in (select household_number from bad) group by household_number),
     m_rows as (
       select household_number, min(row_no) as m_row from staged
       where household_number in (select household_number from bad) group by household_number)
     select b.household_number, b.heads::int as heads, h.h_row, m.m_row
     from bad b left join h_rows h on h.household_number = b.household_number left join m_rows m on m.household_number = b.household_number
     order by 3, 4 limit ${LIMIT}`,
      p,
    );

  // Two lanes, each a sequence: the repeats and the head count in one, the members' lookups in
  // the other (about the same time each at 100,000 households).
  const [[dupHouseholds, heads, outside], [dupIds, orphans, elsewhere]] = await Promise.all([
    inTurn(dupHouseholdsQuery, headsQuery, outsideQuery),
    inTurn(dupIdsQuery, orphansQuery, elsewhereQuery),
  ]);
  for (const r of dupHouseholds.rows) {
    errors.push({
      sheet: HOUSEHOLD_SHEET,
      row: r.row_no,
      ...hNumber,
      key: r.same ? 'sheet.duplicate_row' : 'sheet.duplicate_number',
      params: { row: r.first_row },
    });
  }

  for (const r of dupIds.rows)
    errors.push({ sheet: MEMBER_SHEET, row: r.row_no, ...mId, key: 'sheet.duplicate_id', params: { row: r.first_row } });

  for (const r of orphans.rows)
    errors.push({
      sheet: MEMBER_SHEET,
      row: r.row_no,
      ...mNumber,
      key: 'sheet.unknown_household',
      params: { number: r.household_number },
    });

  for (const r of elsewhere.rows) {
    errors.push({
      sheet: MEMBER_SHEET,
      row: r.row_no,
      ...mId,
      key: 'sheet.id_in_other_household',
      params: { head: r.head_name, number: r.household_number ?? '—', village: r.village },
    });
  }

  for (const r of outside.rows) {
    errors.push({
      sheet: r.sheet,
      row: r.row_no,
      ...(r.sheet === HOUSEHOLD_SHEET ? hNumber : mNumber),
      key: 'sheet.household_elsewhere',
      params: { number: r.household_number, village: r.village },
    });
  }

  for (const r of heads.rows) {
    const key = r.heads === 0 ? 'household.no_head' : 'household.two_heads';
    if (r.h_row !== null) errors.push({ sheet: HOUSEHOLD_SHEET, row: r.h_row, ...hNumber, key });
    else if (r.m_row !== null) errors.push({ sheet: MEMBER_SHEET, row: r.m_row, ...col(c.headers.members, '与户主关系'), key });
  }

  count = errors.length;
  return { errors, count };
}
