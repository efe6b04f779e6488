/**
 * Notifications through the API: written by the events that cause them (an order issued, a
 * problem recorded or assigned with a person, escalated by hand or by the overdue job, a summary
 * sent back) in the same transaction, read and marked by their owner only, and the deadline
 * reminders from two days ahead, once per person and deadline however often the job runs.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog, notifications } from '../../db/schema/index';
import { bj } from '../accountability/lapses.fixtures';
import { runOverdueCheck } from '../problems/overdue';
import { runDeadlineReminders } from './reminders';

interface Item {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: { target: string; id: string | null; query: Record<string, string> } | null;
  readAt: string | null;
}

describe('notifications', () => {
  let t: TestApp;
  let county: CountyFixture;
  let township: string;
  let village: string;
  let campaign: string;
  let cookies = new Map<string, string>();
  const user = async (name: string) => {
    if (!cookies.has(name)) cookies.set(name, await loginAs(t.app, name));
    return as(t.app, cookies.get(name) as string);
  };
  /** Moves the clock; sessions idle out after 12 h, so everyone logs in again. */
  const moveTo = (local: string) => {
    t.clock.set(bj(local));
    cookies = new Map();
  };
  const id = (username: string) => county.users.get(username)?.id as string;
  const inbox = async (name: string, query = ''): Promise<{ items: Item[]; total: number; unread: number }> => {
    const res = await (await user(name)).get(`/api/me/notifications?limit=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const count = async (userId: string, kind?: string) =>
    (
      await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), kind ? eq(notifications.kind, kind as never) : undefined))
    )[0]?.n ?? 0;
  const newProblem = async (over: Record<string, unknown> = {}) => {
    const pid = randomUUID();
    const res = await (await user('t1.admin')).post('/api/problems', {
      id: pid,
      unitId: village,
      category: 'housing',
      description: '房屋漏雨需维修',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(200);
    return pid;
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    township = county.townships[0]?.id as string;
    village = county.village(0, 0);
    campaign = county.campaignIds[0] as string;
  });
  afterAll(() => t.close());

  it('tells the person a problem is recorded for or assigned to, once per change, never its author', async () => {
    const pid = await newProblem({ responsibleUserId: id('t1.v01'), deadline: '2020-03-20' });
    const box = await inbox('t1.v01');
    expect(box.items[0]).toMatchObject({
      kind: 'problem_assigned',
      title: '问题交办',
      link: { target: 'problem', id: pid, query: {} },
      readAt: null,
    });
    expect(box.items[0]?.body).toContain('房屋漏雨需维修，整改时限2020-03-20');
    expect(box.unread).toBe(1);
    const admin = await user('t1.admin');
    await admin.post(`/api/problems/${pid}/assign`, { measures: '更换瓦片' });
    expect(await count(id('t1.v01'), 'problem_assigned')).toBe(1);
    await admin.post(`/api/problems/${pid}/assign`, { responsibleUserId: id('t1.fs01'), deadline: '2020-03-25' });
    expect((await inbox('t1.fs01')).items.map((i) => i.kind)).toEqual(['problem_assigned']);
    expect(await count(id('t1.admin'))).toBe(0);
  });

  it('tells the township office and the sector’s leader when a village escalates, and again when the job does', async () => {
    const pid = await newProblem();
    const res = await (await user('t1.v01')).post(`/api/problems/${pid}/escalate`, { reason: '村级无法解决' });
    expect(res.statusCode, res.body).toBe(200);
    for (const name of ['t1.admin', 't1.housing']) {
      const [first] = (await inbox(name)).items;
      expect(first, name).toMatchObject({ kind: 'problem_escalated', title: '问题上报镇级', link: { id: pid } });
      expect(first?.body).toContain('原因：村级无法解决');
    }
    expect(await count(id('t1.edu'), 'problem_escalated')).toBe(0);
    expect(await count(id('t1.v01'), 'problem_escalated')).toBe(0);
    // an overdue village problem moves up by itself at midnight, and says so
    const late = await newProblem({ deadline: '2020-03-10', category: 'water' });
    moveTo('2020-03-11T00:10:00');
    expect((await runOverdueCheck(t.database, t.clock, township)).escalated).toBe(1);
    const water = (await inbox('t1.water')).items.find((i) => i.link?.id === late);
    expect(water).toMatchObject({ kind: 'problem_escalated', title: '问题逾期自动上报镇级' });
    expect((await runOverdueCheck(t.database, t.clock, township)).escalated).toBe(0);
    expect(await count(id('t1.water'), 'problem_escalated')).toBe(1);
  });

  it('tells each person an order holds answerable, in the order’s own transaction', async () => {
    moveTo('2020-03-18T10:00:00');
    const pid = await newProblem();
    const admin = await user('t1.admin');
    const order = randomUUID();
    const body = {
      id: order,
      townshipId: township,
      title: '住房安全督办',
      deadline: '2020-04-01',
      responsibleUserIds: [id('t1.v01'), id('t1.leader'), id('t1.admin')],
      problemIds: [pid],
    };
    expect((await admin.post('/api/orders', body)).statusCode).toBe(200);
    const [n] = (await inbox('t1.leader')).items;
    expect(n).toMatchObject({ kind: 'order_issued', title: '督办整改单 督办〔2020〕1号', link: { target: 'order', id: order } });
    expect(n?.body).toBe('住房安全督办：1个问题，整改时限2020-04-01，您为责任人。');
    // a retry of the same order adds nothing; the issuer is not told of their own order
    expect((await admin.post('/api/orders', body)).statusCode).toBe(200);
    expect(await count(id('t1.leader'), 'order_issued')).toBe(1);
    expect(await count(id('t1.admin'), 'order_issued')).toBe(0);
    // an order refused (a problem of another township) leaves no notification behind
    const before = await count(id('t1.leader'));
    const refused = await admin.post('/api/orders', { ...body, id: randomUUID(), problemIds: [pid, randomUUID()] });
    expect(refused.statusCode).toBe(400);
    expect(await count(id('t1.leader'))).toBe(before);
    // read in English when the reader asks for it
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/me/notifications?limit=1',
      headers: { cookie: cookies.get('t1.leader') as string, 'x-fupin-lang': 'en' },
    });
    expect(en.json().items[0].title).toBe('Supervision order 督办〔2020〕1号');
  });

  it('tells the submitter and the village staff when the township sends a summary back', async () => {
    const v01 = await user('t1.v01');
    const summary = { campaignId: campaign, villageId: village };
    expect((await v01.post('/api/visits/summary/submit', summary)).statusCode).toBe(200);
    const admin = await user('t1.admin');
    expect((await admin.post('/api/visits/summary/reopen', { ...summary, reason: '走访户数有误' })).statusCode).toBe(200);
    for (const name of ['t1.v01', 't1.fs01']) {
      const n = (await inbox(name)).items.find((i) => i.kind === 'summary_returned');
      expect(n, name).toMatchObject({
        title: '走访汇总（附件3）被退回',
        link: { target: 'visit_summary', id: null, query: { campaignId: campaign, villageId: village } },
      });
      expect(n?.body).toContain('原因：走访户数有误');
    }
    expect(await count(id('t1.v02'), 'summary_returned')).toBe(0);
  });

  it('lets each person mark their own read, one or all, audited; another’s is not found', async () => {
    const mine = await inbox('t1.v01');
    expect(mine.unread).toBeGreaterThan(1);
    const first = mine.items[0] as Item;
    const v01 = await user('t1.v01');
    const read = await v01.post(`/api/me/notifications/${first.id}/read`);
    expect(read.json()).toEqual({ unread: mine.unread - 1 });
    expect((await v01.post(`/api/me/notifications/${first.id}/read`)).json()).toEqual({ unread: mine.unread - 1 });
    expect((await v01.get('/api/me/notifications/unread-count')).json()).toEqual({ unread: mine.unread - 1 });
    expect((await inbox('t1.v01', '&unread=true')).total).toBe(mine.unread - 1);
    const others = (await inbox('t1.leader')).items[0] as Item;
    const foreign = await v01.post(`/api/me/notifications/${others.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect((await inbox('t1.leader')).items[0]?.readAt).toBeNull();
    const all = await v01.post('/api/me/notifications/read-all');
    expect(all.json()).toEqual({ unread: 0, marked: mine.unread - 1 });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'notification'), eq(auditLog.actorId, id('t1.v01'))));
    expect(audit.map((a) => a.action).sort()).toEqual(['read', 'read_all']);
    // the discipline commission, read-only everywhere else, still reaches its own messages
    expect((await (await user('t1.discipline')).post('/api/me/notifications/read-all')).statusCode).toBe(200);
  });
});

describe('deadline reminders', () => {
  let t: TestApp;
  let county: CountyFixture;
  let township: string;
  const id = (username: string) => county.users.get(username)?.id as string;
  const reminders = async (userId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'deadline')));

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    township = county.townships[0]?.id as string;
  });
  afterAll(() => t.close());

  it('reminds from exactly two days before a deadline, once per person and deadline, however often it runs', async () => {
    const cadre = county.townships[0]?.data.pairings[0]?.[2] as string;
    // visits end 03-13: on 03-10 that is three days away, on 03-11 two
    t.clock.set(bj('2020-03-10T23:59:59'));
    await runDeadlineReminders(t.database, t.clock, township);
    expect(await reminders(cadre)).toEqual([]);
    t.clock.set(bj('2020-03-11T00:00:00'));
    const first = await runDeadlineReminders(t.database, t.clock, township);
    expect(first.written).toBeGreaterThan(0);
    const [r] = await reminders(cadre);
    expect(r?.params).toMatchObject({ subject: 'visit', deadline: '2020-03-13', days: 2 });
    expect(r?.dedupeKey).toBe(`deadline:visit:${county.campaignIds[0]}:2020-03-13`);
    expect((await runDeadlineReminders(t.database, t.clock, township)).written).toBe(0);
    t.clock.set(bj('2020-03-13T23:00:00'));
    await runDeadlineReminders(t.database, t.clock, township);
    expect((await reminders(cadre)).filter((x) => x.params.subject === 'visit')).toHaveLength(1);
    // the village staff hear of their summary (03-16) from 03-14, the sector leaders of their sweeps
    const v01 = (await reminders(id('t1.v01'))).map((x) => x.params.subject);
    expect(v01).toContain('self_inspection');
    expect(v01).not.toContain('visit_summary');
    t.clock.set(bj('2020-03-14T08:00:00'));
    await runDeadlineReminders(t.database, t.clock, township);
    expect((await reminders(id('t1.v01'))).map((x) => x.params.subject)).toContain('visit_summary');
    expect((await reminders(id('t1.edu'))).map((x) => x.params.subject)).toEqual(['sector_inspection']);
    // nothing of township 1 reached township 2's people
    expect(await reminders(id('t2.v01'))).toEqual([]);
  });

  it('reminds whoever answers for a problem due within two days, and not once it is past', async () => {
    t.clock.set(bj('2020-03-20T09:00:00'));
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const village = county.village(0, 1);
    for (const [deadline, who] of [
      ['2020-03-22', id('t1.v02')],
      ['2020-03-22', id('t1.v02')],
      ['2020-03-23', id('t1.v02')],
      ['2020-03-19', id('t1.v02')],
    ] as const) {
      const res = await admin.post('/api/problems', {
        id: randomUUID(),
        unitId: village,
        category: 'other',
        description: `到期${deadline}`,
        deadline,
        responsibleUserId: who,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await runDeadlineReminders(t.database, t.clock, township);
    const problems = (await reminders(id('t1.v02'))).filter((x) => x.params.subject === 'problems');
    expect(problems.map((x) => [x.params.deadline, x.params.count])).toEqual([['2020-03-22', 2]]);
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: { cookie: await loginAs(t.app, 't1.v02') } })
      ).json().items[0].title,
    ).toBe('截止提醒：问题整改');
  });
});
