/**
 * The campaign's activity for the dashboards benchmark, on top of the county seed (which brings
 * households, pairings, accounts, this year's campaign and the sites): visits (most on time, some
 * late, some missing), problems of every status and deadline, village summaries, self-checks,
 * sector sweeps, supervision orders and a person's notifications. Deterministic (seeded), by COPY.
 */
import { addDays, type Phase, phaseOf, SECTORS, startOfShanghaiDay } from '@fupin/domain';
import type { Database } from '../apps/server/src/db/client';
import { rawTransaction, toCsv } from '../apps/server/src/db/raw';
import { Random } from '../apps/server/src/demo/random';

const CATEGORIES = ['education', 'medical', 'housing', 'water', 'income', 'industry', 'employment', 'policy', 'archive', 'other'];

const VISIT_COLUMNS = [
  'township_id',
  'id',
  'campaign_id',
  'household_id',
  'visitor_id',
  'form_type',
  'visited_at',
  'received_at',
  'base_version',
  'form',
  'computed',
  'plausibility',
  'members_confirmed',
];
const PROBLEM_COLUMNS = [
  'township_id',
  'id',
  'source',
  'category',
  'village_id',
  'household_id',
  'description',
  'level',
  'responsible_unit_id',
  'responsible_user_id',
  'deadline',
  'status',
  'campaign_id',
  'created_at',
  'updated_at',
  'closed_at',
  'submitted_at',
];

/** An instant within a Shanghai calendar day (hours after its midnight). */
const at = (day: string, hours: number) => new Date(startOfShanghaiDay(day).getTime() + hours * 3_600_000).toISOString();

export interface Activity {
  visits: number;
  problems: number;
  summaries: number;
  inspections: number;
  orders: number;
  notifications: number;
}

export async function seedActivity(database: Database, countyId: string, now: Date, noticesFor: string): Promise<Activity> {
  const r = new Random(11);
  const out: Activity = { visits: 0, problems: 0, summaries: 0, inspections: 0, orders: 0, notifications: 0 };
  const townships = await rawTransaction(database, (tx) =>
    tx.query<{ id: string; campaign_id: string; phases: Phase[] | string }>(
      `select u.id, c.id as campaign_id, c.phases from units u join campaigns c on c.township_id = u.id
       where u.county_id = $1 and u.kind = 'township' order by u.sort_order, u.name`,
      [countyId],
    ),
  );
  for (const t of townships.rows) {
    const phases = (typeof t.phases === 'string' ? JSON.parse(t.phases) : t.phases) as Phase[];
    const visit = phaseOf(phases, 'visit');
    await rawTransaction(database, async (tx) => {
      const pairs = await tx.query<{ household_id: string; cadre_id: string }>(
        'select household_id, cadre_id from pairings where township_id = $1',
        [t.id],
      );
      const staff = await tx.query<{ user_id: string; unit_id: string }>(
        `select ra.user_id, ra.unit_id from role_assignments ra join units u on u.id = ra.unit_id
         where u.township_id = $1 and ra.role = 'village_staff'`,
        [t.id],
      );
      const staffOf = new Map(staff.rows.map((s) => [s.unit_id, s.user_id]));
      const households = await tx.query<{ id: string; village_id: string; poverty_status: string }>(
        'select id, village_id, poverty_status from households where township_id = $1',
        [t.id],
      );
      const visits: unknown[][] = [];
      const addVisit = (householdId: string, visitorId: string, registered: boolean) => {
        const roll = r.next();
        if (roll < 0.15) return; // never visited
        const day = roll < 0.3 ? addDays(visit.end, 1 + r.int(0, 4)) : addDays(visit.start, r.int(0, 3));
        const when = at(day, 8 + r.int(0, 12));
        visits.push([
          t.id,
          r.uuid(),
          t.campaign_id,
          householdId,
          visitorId,
          registered ? 'registered' : 'marginal_key',
          when,
          when,
          1,
          '{}',
          '{}',
          '[]',
          3,
        ]);
      };
      for (const p of pairs.rows) addVisit(p.household_id, p.cadre_id, true);
      for (const h of households.rows)
        if (h.poverty_status === 'none' && r.next() < 0.3) addVisit(h.id, staffOf.get(h.village_id) as string, false);
      await tx.copyIn('visits', VISIT_COLUMNS, toCsv(visits));
      out.visits += visits.length;

      // About one problem for every four households, of every status, due over the campaign's month.
      const problems: unknown[][] = [];
      for (const h of households.rows) {
        if (r.next() > 0.25) continue;
        const deadline = addDays(visit.start, r.int(3, 30));
        const created = at(visit.start, 10);
        const s = r.next();
        const status = s < 0.4 ? 'closed' : s < 0.55 ? 'submitted' : s < 0.75 ? 'in_rectification' : 'open';
        const fixedOn = addDays(deadline, r.int(-4, 2));
        const done = status === 'closed' || status === 'submitted' ? at(fixedOn, 10) : null;
        const level = r.next() < 0.7 ? 'village' : 'township';
        problems.push([
          t.id,
          r.uuid(),
          'visit',
          r.pick(CATEGORIES),
          h.village_id,
          h.id,
          '走访发现的问题',
          level,
          level === 'village' ? h.village_id : t.id,
          null,
          deadline,
          status,
          t.campaign_id,
          created,
          created,
          status === 'closed' ? done : null,
          done,
        ]);
      }
      await tx.copyIn('problems', PROBLEM_COLUMNS, toCsv(problems));
      out.problems += problems.length;

      const villages = [...new Set(households.rows.map((h) => h.village_id))];
      const summaries: unknown[][] = [];
      for (const v of villages) {
        if (r.next() < 0.7)
          summaries.push([
            t.id,
            t.campaign_id,
            v,
            'visit',
            'submitted',
            '{}',
            staffOf.get(v),
            at(phaseOf(phases, 'visit_summary').end, -20),
          ]);
        if (r.next() < 0.5)
          summaries.push([
            t.id,
            t.campaign_id,
            v,
            'inspection',
            'submitted',
            '{}',
            staffOf.get(v),
            at(phaseOf(phases, 'self_inspection').end, 10),
          ]);
      }
      await tx.copyIn(
        'village_summaries',
        ['township_id', 'campaign_id', 'village_id', 'kind', 'status', 'data', 'submitted_by', 'submitted_at'],
        toCsv(summaries),
      );
      out.summaries += summaries.length;

      const sites = await tx.query<{ id: string; village_id: string }>(
        'select id, village_id from sites where township_id = $1',
        [t.id],
      );
      const inspections: unknown[][] = [];
      const self = phaseOf(phases, 'self_inspection');
      for (const s of sites.rows)
        if (r.next() < 0.7)
          inspections.push([
            t.id,
            r.uuid(),
            t.campaign_id,
            'village_self',
            s.village_id,
            s.id,
            null,
            staffOf.get(s.village_id),
            at(self.start, 30),
            '{"items":[]}',
            at(self.start, 30),
          ]);
      const leader = staff.rows[0]?.user_id;
      for (const sector of SECTORS.slice(0, 2))
        inspections.push([
          t.id,
          r.uuid(),
          t.campaign_id,
          'sector',
          null,
          null,
          sector,
          leader,
          at(self.start, 40),
          '{"items":[]}',
          at(self.start, 40),
        ]);
      await tx.copyIn(
        'inspections',
        [
          'township_id',
          'id',
          'campaign_id',
          'kind',
          'village_id',
          'site_id',
          'sector',
          'inspector_id',
          'inspected_at',
          'results',
          'created_at',
        ],
        toCsv(inspections),
      );
      out.inspections += inspections.length;

      const orders: unknown[][] = [];
      const links: unknown[][] = [];
      for (let o = 0; o < 3; o++) {
        const id = r.uuid();
        orders.push([
          t.id,
          id,
          `督办〔${visit.start.slice(0, 4)}〕${o + 1}号`,
          '督办整改',
          addDays(visit.start, 12 + o * 5),
          JSON.stringify([leader]),
          leader,
          now.toISOString(),
        ]);
        for (const p of problems.slice(o * 5, o * 5 + 5)) links.push([t.id, id, p[1]]);
      }
      await tx.copyIn(
        'supervision_orders',
        ['township_id', 'id', 'number', 'title', 'deadline', 'responsible_user_ids', 'issued_by', 'issued_at'],
        toCsv(orders),
      );
      await tx.copyIn('order_problems', ['township_id', 'order_id', 'problem_id'], toCsv(links));
      out.orders += orders.length;
    });
  }
  // A busy person's inbox: 300 messages, a third unread.
  const first = townships.rows[0]?.id as string;
  const notices = Array.from({ length: 300 }, (_, i) => [
    first,
    r.uuid(),
    noticesFor,
    'deadline',
    JSON.stringify({ subject: 'problems', deadline: '2026-01-01', days: 2, count: 1, label: null }),
    null,
    `bench:${i}`,
    new Date(now.getTime() - i * 60_000).toISOString(),
    i % 3 === 0 ? null : now.toISOString(),
  ]);
  await rawTransaction(database, (tx) =>
    tx.copyIn(
      'notifications',
      ['township_id', 'id', 'user_id', 'kind', 'params', 'link', 'dedupe_key', 'created_at', 'read_at'],
      toCsv(notices),
    ),
  );
  out.notifications = notices.length;
  return out;
}
