/**
 * A township's cadres as a 帮扶干部花名册: each active account with a cadre role in the township,
 * its mobile (its phone, or its login name when that is a mobile), its 派出单位 and the numbers of
 * the households it is paired with — what an import of the same file would leave unchanged.
 */
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../../db/client';

export async function cadreRoster(
  db: Db,
  townshipId: string,
): Promise<{ name: string; mobile: string | null; workUnit: string | null; households: string[] }[]> {
  const rows = await selectRows<{ name: string; mobile: string | null; work_unit: string | null; households: string[] }>(
    db,
    sql`select u.display_name as name,
               coalesce(u.phone, case when u.username ~ '^1[3-9][0-9]{9}$' then u.username end) as mobile,
               wu.name as work_unit,
               array(select h.household_number from pairings p
                     join households h on h.township_id = p.township_id and h.id = p.household_id
                     where p.township_id = ${townshipId} and p.cadre_id = u.id
                     order by h.household_number) as households
        from users u
        left join work_units wu on wu.id = u.work_unit_id
        where u.disabled_at is null
          and exists (select 1 from role_assignments ra join units un on un.id = ra.unit_id
                      where ra.user_id = u.id and ra.role = 'cadre' and (un.id = ${townshipId} or un.township_id = ${townshipId}))
        order by wu.sort_order nulls last, wu.name nulls last, u.display_name, u.username`,
  );
  return rows.map((r) => ({ name: r.name, mobile: r.mobile, workUnit: r.work_unit, households: r.households }));
}
