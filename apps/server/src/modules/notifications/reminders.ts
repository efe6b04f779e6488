/**
 * The daily deadline reminders: from two days before a deadline through its day (`reminderDue`),
 * each person with work still undone toward it gets one reminder — cadres with paired households
 * not visited, village staff with the carpet survey, sites or a summary outstanding, sector leaders
 * with villages not swept, whoever answers for an unfixed problem or an open supervision order.
 * Idempotent: the dedupe key names the person's deadline, so running twice (or hourly) adds nothing.
 * One transaction per township, audited with the count it wrote.
 */
import { daysUntil, type IsoDate, phaseOf, reminderDue, SECTORS, shanghaiDate } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Database, selectRows, type Tx } from '../../db/client';
import { campaigns, units } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { runCommand, SYSTEM_ACTOR } from '../../lib/command';
import { holdersOf, writeNotices } from './notify';

type Phases = Parameters<typeof phaseOf>[0];

async function remindTownship(tx: Tx, now: Date, townshipId: string): Promise<number> {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  let written = 0;
  const remind = async (
    userIds: readonly string[],
    subject: string,
    deadline: IsoDate,
    count: number,
    key: string,
    link: Parameters<typeof writeNotices>[2]['link'],
    label: string | null = null,
  ) => {
    if (count === 0) return;
    written += await writeNotices(tx, now, {
      townshipId,
      userIds,
      kind: 'deadline',
      params: { subject, deadline, days: daysUntil(deadline, now), count, label },
      link,
      key: `deadline:${key}:${deadline}`,
    });
  };
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.townshipId, townshipId), eq(campaigns.year, year)));
  if (campaign) {
    const phases = campaign.phases as Phases;
    const c = campaign.id;
    const visitEnd = phaseOf(phases, 'visit').end;
    if (reminderDue(visitEnd, now)) {
      const cadres = await selectRows<{ cadre_id: string; n: number }>(
        tx,
        sql`select p.cadre_id, count(*)::int as n from pairings p where p.township_id = ${townshipId}
            and not exists (select 1 from visits v where v.township_id = p.township_id and v.campaign_id = ${c}
                            and v.household_id = p.household_id and v.visitor_id = p.cadre_id)
            group by p.cadre_id`,
      );
      for (const r of cadres)
        await remind([r.cadre_id], 'visit', visitEnd, r.n, `visit:${c}`, {
          target: 'visit_tasks',
          id: null,
          query: { campaignId: c },
        });
      const survey = await selectRows<{ village_id: string; n: number }>(
        tx,
        sql`select h.village_id, count(*)::int as n from households h
            where h.township_id = ${townshipId} and h.poverty_status = 'none'
              and ('marginal' = any(h.tags) or 'key' = any(h.tags) or exists (
                select 1 from household_flags f join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id
                where f.township_id = h.township_id and f.household_id = h.id and rs.status = 'active' and f.rule_id <> 'R'))
              and not exists (select 1 from visits v where v.township_id = h.township_id and v.campaign_id = ${c} and v.household_id = h.id)
            group by h.village_id`,
      );
      for (const r of survey)
        await remind(
          await holdersOf(tx, 'village_staff', [r.village_id]),
          'visit',
          visitEnd,
          r.n,
          `survey:${c}:${r.village_id}`,
          {
            target: 'visit_tasks',
            id: null,
            query: { campaignId: c },
          },
        );
    }
    const villages = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')));
    const submitted = await selectRows<{ village_id: string; kind: string }>(
      tx,
      sql`select village_id, kind from village_summaries where township_id = ${townshipId} and campaign_id = ${c} and status = 'submitted'`,
    );
    const has = (v: string, kind: string) => submitted.some((s) => s.village_id === v && s.kind === kind);
    const summaryEnd = phaseOf(phases, 'visit_summary').end;
    if (reminderDue(summaryEnd, now))
      for (const v of villages.filter((x) => !has(x.id, 'visit')))
        await remind(await holdersOf(tx, 'village_staff', [v.id]), 'visit_summary', summaryEnd, 1, `visit_summary:${c}:${v.id}`, {
          target: 'visit_summary',
          id: null,
          query: { campaignId: c, villageId: v.id },
        });
    const selfEnd = phaseOf(phases, 'self_inspection').end;
    if (reminderDue(selfEnd, now)) {
      const unchecked = await selectRows<{ village_id: string; n: number }>(
        tx,
        sql`select s.village_id, count(*)::int as n from sites s where s.township_id = ${townshipId} and s.archived_at is null
            and not exists (select 1 from inspections i where i.township_id = s.township_id and i.campaign_id = ${c}
                            and i.kind = 'village_self' and i.site_id = s.id)
            group by s.village_id`,
      );
      for (const v of villages) {
        const n = (unchecked.find((u) => u.village_id === v.id)?.n ?? 0) + (has(v.id, 'inspection') ? 0 : 1);
        await remind(
          await holdersOf(tx, 'village_staff', [v.id]),
          'self_inspection',
          selfEnd,
          n,
          `self_inspection:${c}:${v.id}`,
          {
            target: 'inspection_summary',
            id: null,
            query: { campaignId: c, villageId: v.id },
          },
        );
      }
    }
    const sectorEnd = phaseOf(phases, 'sector_inspection').end;
    if (reminderDue(sectorEnd, now)) {
      const swept = await selectRows<{ sector: string; village_id: string | null }>(
        tx,
        sql`select distinct sector, village_id from inspections where township_id = ${townshipId} and campaign_id = ${c} and kind = 'sector'`,
      );
      for (const sector of SECTORS) {
        const mine = swept.filter((s) => s.sector === sector);
        const n = mine.some((s) => s.village_id === null)
          ? 0
          : villages.filter((v) => !mine.some((s) => s.village_id === v.id)).length;
        await remind(
          await holdersOf(tx, 'sector_leader', [townshipId], sector),
          'sector_inspection',
          sectorEnd,
          n,
          `sector:${c}:${sector}`,
          {
            target: 'inspections',
            id: null,
            query: { campaignId: c },
          },
        );
      }
    }
  }
  // Problems due within the window, unfixed: whoever answers for each, one reminder per person and deadline.
  const due = await selectRows<{
    id: string;
    deadline: string;
    village_id: string | null;
    level: string;
    category: string;
    responsible_user_id: string | null;
  }>(
    tx,
    sql`select id, deadline::text as deadline, village_id, level, category, responsible_user_id from problems
        where township_id = ${townshipId} and status not in ('closed', 'submitted')
          and deadline between ${today}::date and (${today}::date + 2)`,
  );
  const perPerson = new Map<string, { userId: string; deadline: string; n: number }>();
  for (const p of due) {
    const sector = (SECTORS as readonly string[]).includes(p.category) ? p.category : undefined;
    const who = p.responsible_user_id
      ? [p.responsible_user_id]
      : p.level === 'village' && p.village_id
        ? await holdersOf(tx, 'village_staff', [p.village_id])
        : sector
          ? await holdersOf(tx, 'sector_leader', [townshipId], sector)
          : await holdersOf(tx, 'township_admin', [townshipId]);
    for (const userId of who) {
      const k = `${userId}:${p.deadline}`;
      perPerson.set(k, { userId, deadline: p.deadline, n: (perPerson.get(k)?.n ?? 0) + 1 });
    }
  }
  for (const r of perPerson.values())
    await remind([r.userId], 'problems', r.deadline, r.n, 'problems', { target: 'problems', id: null, query: {} });
  const orders = await selectRows<{
    id: string;
    number: string;
    deadline: string;
    responsible_user_ids: string[] | string;
    open: number;
  }>(
    tx,
    sql`select o.id, o.number, o.deadline::text as deadline, o.responsible_user_ids,
          count(*) filter (where p.status <> 'closed')::int as open
        from supervision_orders o join order_problems op on op.township_id = o.township_id and op.order_id = o.id
        join problems p on p.township_id = op.township_id and p.id = op.problem_id
        where o.township_id = ${townshipId} and o.deadline between ${today}::date and (${today}::date + 2)
        group by o.id, o.number, o.deadline, o.responsible_user_ids`,
  );
  for (const o of orders) {
    const ids = (
      typeof o.responsible_user_ids === 'string' ? JSON.parse(o.responsible_user_ids) : o.responsible_user_ids
    ) as string[];
    await remind(ids, 'order', o.deadline, o.open, `order:${o.id}`, { target: 'order', id: o.id, query: {} }, o.number);
  }
  return written;
}

/** Runs the reminders over every township, or one; returns how many notifications were written. */
export async function runDeadlineReminders(database: Database, clock: Clock, townshipId?: string): Promise<{ written: number }> {
  const townships = townshipId
    ? [townshipId]
    : (await database.db.select({ id: units.id }).from(units).where(eq(units.kind, 'township'))).map((t) => t.id);
  let written = 0;
  for (const t of townships) {
    written += await runCommand(
      database,
      clock,
      SYSTEM_ACTOR,
      async (ctx) => {
        const n = await remindTownship(ctx.tx, ctx.now, t);
        if (n > 0)
          await ctx.audit.record({
            townshipId: t,
            entityType: 'notification',
            entityId: t,
            action: 'remind',
            unitId: t,
            after: { written: n },
          });
        return n;
      },
      null,
    );
  }
  return { written };
}
