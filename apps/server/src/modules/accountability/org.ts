/**
 * The org model around a township as the responsible chain reads it: every role assignment of
 * the township and its villages that names a link (village staff, town leaders, sector leaders,
 * the township office), with the person's name, the assignment's title and sector; and the
 * 派出单位 of the cadres and named persons, with its head.
 */
import { type OrgHolder, OrgIndex, type Role, type SendingUnit } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';

const CHAIN_ROLES: Role[] = ['village_staff', 'town_leader', 'sector_leader', 'township_admin'];

/** The holders of chain links in a township (disabled accounts hold nothing). */
export async function loadOrg(db: Db, townshipId: string, extraUserIds: readonly string[] = []): Promise<OrgIndex> {
  const holders = await selectRows<{
    user_id: string;
    name: string;
    role: Role;
    unit_id: string;
    unit_name: string;
    title: string | null;
    sector: string | null;
  }>(
    db,
    sql`select u.id as user_id, u.display_name as name, ra.role, ra.unit_id, un.name as unit_name, ra.title, ra.sector
        from role_assignments ra
        join units un on un.id = ra.unit_id
        join users u on u.id = ra.user_id
        where (un.id = ${townshipId} or un.township_id = ${townshipId})
          and ra.role in (${sql.join(
            CHAIN_ROLES.map((r) => sql`${r}`),
            sql`, `,
          )})
          and u.disabled_at is null
        order by un.sort_order, un.name, u.display_name, u.id`,
  );
  // Cadres and named persons need only their names (their roles may lie anywhere) and the
  // 派出单位 that sent them, whose head answers with them.
  const people = extraUserIds.length
    ? await selectRows<{
        id: string;
        name: string;
        work_unit_id: string | null;
        work_unit_name: string | null;
        head_name: string | null;
        head_title: string | null;
      }>(
        db,
        sql`select u.id, u.display_name as name, wu.id as work_unit_id, wu.name as work_unit_name,
                   wu.head_name, wu.head_title
            from users u left join work_units wu on wu.id = u.work_unit_id
            where u.id in (${sql.join(
              [...new Set(extraUserIds)].map((i) => sql`${i}::uuid`),
              sql`, `,
            )})`,
      )
    : [];
  const sentFrom = new Map<string, SendingUnit>();
  for (const p of people)
    if (p.work_unit_id && p.work_unit_name)
      sentFrom.set(p.id, { id: p.work_unit_id, name: p.work_unit_name, headName: p.head_name, headTitle: p.head_title });
  return new OrgIndex(
    holders.map(
      (h): OrgHolder => ({
        userId: h.user_id,
        name: h.name,
        role: h.role,
        unitId: h.unit_id,
        unitName: h.unit_name,
        title: h.title,
        sector: h.sector,
      }),
    ),
    new Map(people.map((n) => [n.id, n.name])),
    sentFrom,
  );
}
