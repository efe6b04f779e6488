/**
 * The problem ledger through the API: a village self-check finds a problem, its deadline passes
 * and it escalates, the township orders it fixed, the fix is submitted with evidence and verified
 * by someone else, a cross-check reopens it; and the limits on every step.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog, problemEvents } from '../../db/schema/index';
import ExcelJS from '../../io/excel/exceljs';
import { runOverdueCheck } from './overdue';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 2)]);

/** A multipart body with one file, as a browser sends it. */
function multipart(fileName: string, data: Buffer) {
  const boundary = `----fupin${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function readXlsx(raw: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('the problem ledger', () => {
  let t: TestApp;
  let county: CountyFixture;
  let campaign: string;
  let village: string;
  let township: string;
  const cookies = new Map<string, string>();
  const user = async (name: string) => {
    if (!cookies.has(name)) cookies.set(name, await loginAs(t.app, name));
    return as(t.app, cookies.get(name) as string);
  };
  const upload = async (name: string, problemId: string, fileName: string, data: Buffer) => {
    const body = multipart(fileName, data);
    await user(name);
    return t.app.inject({
      method: 'POST',
      url: `/api/problems/${problemId}/evidence`,
      headers: { cookie: cookies.get(name) as string, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  /** A village self-check of a new clinic that fails one item: the problem it makes. */
  async function selfCheckProblem(): Promise<string> {
    const v01 = await user('t1.v01');
    const site = (
      await v01.post('/api/sites', {
        id: randomUUID(),
        villageId: village,
        kind: 'clinic',
        name: `卫生室${randomUUID().slice(0, 4)}`,
      })
    ).json();
    const inspectionId = randomUUID();
    const res = await v01.post('/api/inspections', {
      id: inspectionId,
      campaignId: campaign,
      kind: 'village_self',
      villageId: village,
      siteId: site.id,
      inspectedAt: t.clock.now().toISOString(),
      results: [
        { code: 'cl1', ok: true },
        { code: 'cl2', ok: false, note: '阿莫西林过期' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ problems: 1, reopened: 0, duplicate: false });
    const list = (await v01.get(`/api/problems?villageId=${village}&source=village_self_check&limit=500`)).json();
    const mine = list.items.find((p: { description: string }) => p.description.includes(site.name));
    return mine.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    campaign = county.campaignIds[0] as string;
    village = county.village(0, 0);
    township = county.townships[0]?.id as string;
  });
  afterAll(() => t.close());

  it('a self-check records a failed item as a village problem due at the end of village rectification, once', async () => {
    const id = await selfCheckProblem();
    const v01 = await user('t1.v01');
    const d = (await v01.get(`/api/problems/${id}`)).json();
    expect(d.problem).toMatchObject({
      category: 'site',
      level: 'village',
      status: 'open',
      deadline: '2020-03-16',
      villageId: village,
      overdue: false,
    });
    expect(d.problem.description).toContain('基本药品配备齐全');
    expect(d.problem.description).toContain('阿莫西林过期');
    expect(d.actions).toEqual(['start']);
    expect(d.canRectify).toBe(true);
  });

  it('submitting a self-check again with the same id changes nothing', async () => {
    const v01 = await user('t1.v01');
    const site = (
      await v01.post('/api/sites', { id: randomUUID(), villageId: village, kind: 'workshop', name: '扶贫车间甲' })
    ).json();
    const body = {
      id: randomUUID(),
      campaignId: campaign,
      kind: 'village_self',
      villageId: village,
      siteId: site.id,
      inspectedAt: t.clock.now().toISOString(),
      results: [{ code: 'ws1', ok: false }],
    };
    expect((await v01.post('/api/inspections', body)).json().problems).toBe(1);
    expect((await v01.post('/api/inspections', body)).json()).toEqual({ problems: 0, reopened: 0, duplicate: true });
    const list = (await v01.get(`/api/problems?villageId=${village}&q=${encodeURIComponent('扶贫车间甲')}`)).json();
    expect(list.total).toBe(1);
  });

  it('refuses an item not on the checklist, naming it', async () => {
    const v01 = await user('t1.v01');
    const site = (
      await v01.post('/api/sites', { id: randomUUID(), villageId: village, kind: 'clinic', name: '卫生室乙' })
    ).json();
    const res = await v01.post('/api/inspections', {
      id: randomUUID(),
      campaignId: campaign,
      kind: 'village_self',
      villageId: village,
      siteId: site.id,
      inspectedAt: t.clock.now().toISOString(),
      results: [{ code: 'zz9', ok: false }],
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('zz9');
  });

  it('separation of duty: the person who submitted the fix cannot verify it; another can', async () => {
    const id = await selfCheckProblem();
    const v01 = await user('t1.v01');
    const fs01 = await user('t1.fs01');
    expect((await v01.post(`/api/problems/${id}/transition`, { action: 'start' })).statusCode).toBe(200);
    const noEvidence = await v01.post(`/api/problems/${id}/transition`, { action: 'submit', measures: '已更换药品' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.code).toBe('PROBLEM_NEEDS_EVIDENCE');
    expect((await upload('t1.v01', id, '新药品.jpg', JPEG)).statusCode).toBe(200);
    const submitted = await v01.post(`/api/problems/${id}/transition`, { action: 'submit', measures: '已更换药品' });
    expect(submitted.json().problem).toMatchObject({ status: 'submitted', measures: '已更换药品' });
    expect(submitted.json().actions).toEqual([]);
    const self = await v01.post(`/api/problems/${id}/transition`, { action: 'verify' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('PROBLEM_SAME_PERSON');
    expect(self.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await fs01.get(`/api/problems/${id}`)).json().actions).toEqual(['verify', 'send_back']);
    const closed = await fs01.post(`/api/problems/${id}/transition`, { action: 'verify', note: '现场核实' });
    expect(closed.json().problem).toMatchObject({ status: 'closed' });
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'start', 'submit', 'verify']);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, id)));
    expect(audited.map((a) => a.action).sort()).toEqual(['add_evidence', 'create', 'start', 'submit', 'verify'].sort());
  });

  it('sending back needs a reason; a cadre sees only problems of paired households', async () => {
    const id = await selfCheckProblem();
    const v01 = await user('t1.v01');
    await upload('t1.v01', id, 'a.png', PNG);
    await v01.post(`/api/problems/${id}/transition`, { action: 'submit' });
    const fs01 = await user('t1.fs01');
    const bare = await fs01.post(`/api/problems/${id}/transition`, { action: 'send_back' });
    expect(bare.json().error.code).toBe('PROBLEM_NEEDS_NOTE');
    expect(
      (await fs01.post(`/api/problems/${id}/transition`, { action: 'send_back', note: '照片看不清' })).json().problem.status,
    ).toBe('in_rectification');
    const cadre = await user('t1.cadre001');
    expect((await cadre.get(`/api/problems/${id}`)).statusCode).toBe(404);
    const list = (await cadre.get('/api/problems?limit=500')).json();
    expect(list.items.every((p: { householdId: string | null }) => p.householdId !== null)).toBe(true);
  });

  it.each([
    ['a text file', 'notes.txt', Buffer.from('不是照片'), 415, 'EVIDENCE_TYPE'],
    ['a file claiming to be a photo', 'fake.jpg', Buffer.from('%!PS-Adobe'), 415, 'EVIDENCE_TYPE'],
    ['a photo over 5 MB', 'big.jpg', Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), 413, 'EVIDENCE_TOO_LARGE'],
  ])('refuses %s as evidence', async (_label, name, data, status, code) => {
    const id = await selfCheckProblem();
    const res = await upload('t1.v01', id, name, data);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('keeps at most 12 files per problem, and serves them back as stored', async () => {
    const id = await selfCheckProblem();
    for (let i = 0; i < 12; i++) expect((await upload('t1.v01', id, `p${i}.jpg`, JPEG)).statusCode).toBe(200);
    const thirteenth = await upload('t1.v01', id, 'p12.jpg', JPEG);
    expect(thirteenth.json().error.code).toBe('EVIDENCE_TOO_MANY');
    const v01 = await user('t1.v01');
    const d = (await v01.get(`/api/problems/${id}`)).json();
    expect(d.evidence).toHaveLength(12);
    const file = await v01.get(`/api/problems/${id}/evidence/${d.evidence[0].id}`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.equals(JPEG)).toBe(true);
  });

  it('when the village deadline passes unfixed, the check escalates the problem to the township and marks it overdue', async () => {
    const id = await selfCheckProblem();
    // 2020-03-16 is the village's last day; at 23:59 Beijing time the problem is not yet late.
    t.clock.set('2020-03-16T15:59:00Z');
    expect(await runOverdueCheck(t.database, t.clock)).toMatchObject({ escalated: 0 });
    t.clock.set('2020-03-16T16:00:01Z');
    const first = await runOverdueCheck(t.database, t.clock);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    // Running again marks nothing twice.
    expect(await runOverdueCheck(t.database, t.clock)).toMatchObject({ escalated: 0, markedProblems: 0 });
    cookies.clear();
    const admin = await user('t1.admin');
    const d = (await admin.get(`/api/problems/${id}`)).json();
    expect(d.problem).toMatchObject({ level: 'township', overdue: true, responsibleUnitId: township });
    expect(d.events.at(-1)).toMatchObject({ action: 'auto_escalate' });
    const overdue = (await admin.get(`/api/problems/overdue?townshipId=${township}`)).json();
    expect(overdue.byUnit.find((u: { unitId: string }) => u.unitId === township).overdue).toBeGreaterThanOrEqual(1);
    const events = await t.database.db.select().from(problemEvents).where(eq(problemEvents.problemId, id));
    expect(events.filter((e) => e.action === 'auto_escalate')).toHaveLength(1);
    t.clock.set('2020-03-10T01:00:00Z');
    cookies.clear();
  });

  it('a village escalates by hand with a reason; an assignment sets person and deadline', async () => {
    const id = await selfCheckProblem();
    const v01 = await user('t1.v01');
    expect((await v01.post(`/api/problems/${id}/escalate`, { reason: '' })).statusCode).toBe(400);
    expect((await v01.post(`/api/problems/${id}/escalate`, { reason: '需镇卫生院协调' })).json().problem.level).toBe('township');
    // The village may no longer act on a township problem: neither its assignment nor its evidence.
    expect((await v01.post(`/api/problems/${id}/assign`, { deadline: '2020-03-30' })).statusCode).toBe(403);
    expect((await upload('t1.v01', id, 'late.jpg', JPEG)).statusCode).toBe(403);
    const admin = await user('t1.admin');
    const edu = county.users.get('t1.edu');
    const assigned = await admin.post(`/api/problems/${id}/assign`, {
      responsibleUserId: edu?.id,
      deadline: '2020-03-30',
      measures: '协调卫生院配药',
    });
    expect(assigned.json().problem).toMatchObject({
      responsibleUserId: edu?.id,
      deadline: '2020-03-30',
      measures: '协调卫生院配药',
    });
    // Nobody of another township (nor an id that is no one's) can be made answerable: refused, naming the field.
    for (const stranger of [county.users.get('t2.edu')?.id, randomUUID()]) {
      const res = await admin.post(`/api/problems/${id}/assign`, { responsibleUserId: stranger });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toEqual([
        { path: 'responsibleUserId', message: expect.stringContaining('不是有效的选项') },
      ]);
      const order = await admin.post('/api/orders', {
        id: randomUUID(),
        townshipId: township,
        title: '越界督办',
        deadline: '2020-03-25',
        responsibleUserIds: [edu?.id, stranger],
        problemIds: [id],
      });
      expect(order.statusCode, order.body).toBe(400);
      expect(order.json().error.fields[0].path).toBe('responsibleUserIds.1');
    }
    const created = await admin.post('/api/problems', {
      id: randomUUID(),
      unitId: township,
      category: 'housing',
      description: '越界责任人',
      responsibleUserId: county.users.get('t2.admin')?.id,
    });
    expect(created.statusCode, created.body).toBe(400);
  });

  it('a supervision order follows its problems: in progress, then done; exported as a table', async () => {
    const a = await selfCheckProblem();
    const b = await selfCheckProblem();
    const admin = await user('t1.admin');
    const leader = county.users.get('t1.leader');
    const orderId = randomUUID();
    const body = {
      id: orderId,
      townshipId: township,
      title: '卫生室药品整改',
      deadline: '2020-03-25',
      responsibleUserIds: [leader?.id],
      problemIds: [a, b],
    };
    const issued = await admin.post('/api/orders', body);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().order).toMatchObject({ number: '督办〔2020〕1号', status: 'in_progress', problems: 2, closed: 0 });
    // Issued again with the same id: the same order, no second number.
    expect((await admin.post('/api/orders', body)).json().order.number).toBe('督办〔2020〕1号');
    // The order's deadline binds its problems (the earlier of the two).
    expect((await admin.get(`/api/problems/${a}`)).json().problem.deadline).toBe('2020-03-16');
    // Each problem's own audit trail shows the order it came under.
    const ordered = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'problem'), eq(auditLog.action, 'ordered')));
    expect(ordered.map((r) => r.entityId).sort()).toEqual([a, b].sort());
    expect(ordered[0]?.after).toMatchObject({ orderId, number: '督办〔2020〕1号', deadline: '2020-03-16' });
    const v01 = await user('t1.v01');
    const fs01 = await user('t1.fs01');
    for (const id of [a, b]) {
      await upload('t1.v01', id, 'fix.jpg', JPEG);
      await v01.post(`/api/problems/${id}/transition`, { action: 'submit' });
      await fs01.post(`/api/problems/${id}/transition`, { action: 'verify' });
    }
    expect((await admin.get(`/api/orders/${orderId}`)).json().order).toMatchObject({ status: 'done', closed: 2 });
    const xlsx = await admin.get(`/api/orders/${orderId}/order.xlsx`);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]?.[0]).toContain('督办〔2020〕1号');
    expect(rows.filter((r) => r.includes('已销号'))).toHaveLength(2);
    // The village sees the order that holds its problems; another township's office does not.
    expect((await v01.get('/api/orders')).json().items.map((o: { id: string }) => o.id)).toContain(orderId);
    expect((await v01.get(`/api/orders/${orderId}`)).statusCode).toBe(200);
    expect((await (await user('t1.v02')).get(`/api/orders/${orderId}`)).statusCode).toBe(403);
    const other = await user('t2.admin');
    expect((await other.get('/api/orders')).json().items).toEqual([]);
    expect((await other.get(`/api/orders/${orderId}`)).statusCode).toBe(403);
  });

  it('an order over two villages shows each village only its own problems, in the page and the table', async () => {
    const mine = await selfCheckProblem();
    const admin = await user('t1.admin');
    const theirs = randomUUID();
    const made = await admin.post('/api/problems', {
      id: theirs,
      unitId: county.village(0, 1),
      category: 'housing',
      description: '二村危房未改造',
    });
    expect(made.statusCode, made.body).toBe(200);
    const orderId = randomUUID();
    const issued = await admin.post('/api/orders', {
      id: orderId,
      townshipId: township,
      title: '两村住房整改',
      deadline: '2020-03-25',
      responsibleUserIds: [county.users.get('t1.leader')?.id],
      problemIds: [mine, theirs],
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const v01 = await user('t1.v01');
    expect((await v01.get(`/api/orders/${orderId}`)).json().problemIds).toEqual([mine]);
    const table = (await readXlsx((await v01.get(`/api/orders/${orderId}/order.xlsx`)).rawPayload)).flat().join('|');
    expect(table).not.toContain('二村危房未改造');
    expect((await admin.get(`/api/orders/${orderId}`)).json().problemIds.sort()).toEqual([mine, theirs].sort());
    const full = (await readXlsx((await admin.get(`/api/orders/${orderId}/order.xlsx`)).rawPayload)).flat().join('|');
    expect(full).toContain('二村危房未改造');
  });

  it('refuses an order over a closed problem, and one for another township’s problem', async () => {
    const admin = await user('t1.admin');
    const closed = (await admin.get(`/api/problems?townshipId=${township}&status=closed&limit=1`)).json().items[0];
    const res = await admin.post('/api/orders', {
      id: randomUUID(),
      townshipId: township,
      title: '重复督办',
      deadline: '2020-03-25',
      responsibleUserIds: [county.users.get('t1.leader')?.id],
      problemIds: [closed.id],
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('已销号');
  });

  it('a county cross-check reopens a closed problem and records a new one; both count in the village summary (附件5)', async () => {
    const id = await selfCheckProblem();
    const v01 = await user('t1.v01');
    const fs01 = await user('t1.fs01');
    await upload('t1.v01', id, 'fix.jpg', JPEG);
    await v01.post(`/api/problems/${id}/transition`, { action: 'submit' });
    await fs01.post(`/api/problems/${id}/transition`, { action: 'verify' });
    const before = (await v01.get(`/api/inspections/summary?campaignId=${campaign}&villageId=${village}`)).json().live;
    const reviewer = await user('reviewer');
    const noReason = await reviewer.post('/api/crosschecks', {
      id: randomUUID(),
      campaignId: campaign,
      villageId: village,
      inspectedAt: t.clock.now().toISOString(),
      reviews: [{ problemId: id, confirmed: false }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reviews.0.note');
    const res = await reviewer.post('/api/crosschecks', {
      id: randomUUID(),
      campaignId: campaign,
      villageId: village,
      inspectedAt: t.clock.now().toISOString(),
      reviews: [{ problemId: id, confirmed: false, note: '药品仍有过期' }],
      findings: [{ category: 'medical', description: '村医未按时随访慢病患者', householdId: null }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ problems: 1, reopened: 1, duplicate: false });
    const d = (await v01.get(`/api/problems/${id}`)).json();
    expect(d.problem).toMatchObject({ status: 'reopened', reopenedCount: 1 });
    const after = (await v01.get(`/api/inspections/summary?campaignId=${campaign}&villageId=${village}`)).json().live;
    expect(after.crosscheckFound).toBe(before.crosscheckFound + 1);
    expect(after.reopened).toBe(before.reopened + 1);
    const found = (await v01.get(`/api/problems?villageId=${village}&source=county_crosscheck`)).json();
    expect(found.items[0]).toMatchObject({ category: 'medical', level: 'village' });
    // The township's matrix counts it for the village.
    const admin = await user('t1.admin');
    const m = (await admin.get(`/api/problems/matrix?townshipId=${township}&campaignId=${campaign}`)).json();
    expect(
      m.cells.find((c: { villageId: string; category: string }) => c.villageId === village && c.category === 'medical').open,
    ).toBeGreaterThanOrEqual(1);
  });

  it('the village submits its inspection summary, which locks; the township reopens it', async () => {
    const v01 = await user('t1.v01');
    const submitted = (await v01.post('/api/inspections/summary/submit', { campaignId: campaign, villageId: village })).json();
    expect(submitted.status).toBe('submitted');
    expect(submitted.submitted.sitesInspected).toBeGreaterThan(0);
    expect(
      (await v01.post('/api/inspections/summary/reopen', { campaignId: campaign, villageId: village, reason: '数据有误' }))
        .statusCode,
    ).toBe(403);
    const admin = await user('t1.admin');
    const reopened = (
      await admin.post('/api/inspections/summary/reopen', { campaignId: campaign, villageId: village, reason: '数据有误' })
    ).json();
    expect(reopened).toMatchObject({ status: 'in_progress', reopenReason: '数据有误' });
    const overview = (await admin.get(`/api/inspections/overview?campaignId=${campaign}`)).json();
    expect(overview.villages).toHaveLength(2);
    const xlsx = await readXlsx((await admin.get(`/api/inspections/summary.xlsx?campaignId=${campaign}`)).rawPayload);
    expect(xlsx[0]?.[0]).toContain('大排查');
    expect(xlsx.some((r) => r[0] === '合计')).toBe(true);
  });

  it('a sector leader sweeps only their own sector, into township-level problems', async () => {
    const edu = await user('t1.edu');
    const base = { campaignId: campaign, kind: 'sector', inspectedAt: t.clock.now().toISOString() };
    const water = await edu.post('/api/inspections', {
      ...base,
      id: randomUUID(),
      sector: 'water',
      results: [{ code: 'wt1', ok: false }],
    });
    expect(water.statusCode).toBe(403);
    const household = county.townships[0]?.data.households[0]?.[1] as string;
    const ok = await edu.post('/api/inspections', {
      ...base,
      id: randomUUID(),
      sector: 'education',
      results: [{ code: 'ed1', ok: false, householdId: household, villageId: village, note: '一名初中生辍学' }],
    });
    expect(ok.json().problems).toBe(1);
    const list = (await edu.get(`/api/problems?source=sector_inspection&householdId=${household}`)).json();
    expect(list.items[0]).toMatchObject({ category: 'education', level: 'township', deadline: '2020-04-09' });
  });

  it('the ledger (附件6) exports with the government columns and masks ID numbers for readers without the right', async () => {
    const admin = await user('t1.admin');
    const rows = await readXlsx((await admin.get(`/api/problems/ledger.xlsx?campaignId=${campaign}`)).rawPayload);
    const header = rows.find((r) => r[0] === '序号');
    expect(header).toEqual([
      '序号',
      '村',
      '户主姓名或场所',
      '身份证号',
      '问题来源',
      '问题类别',
      '问题描述',
      '整改措施',
      '责任单位',
      '责任人',
      '整改时限',
      '整改状态',
      '销号日期',
    ]);
    const withId = rows.filter((r) => /^\d{17}[\dX]$/.test(r[3] ?? ''));
    expect(withId.length).toBeGreaterThan(0);
    const discipline = await user('t1.discipline');
    const masked = await readXlsx((await discipline.get(`/api/problems/ledger.xlsx?campaignId=${campaign}`)).rawPayload);
    expect(masked.filter((r) => /^\d{17}[\dX]$/.test(r[3] ?? ''))).toEqual([]);
    expect(masked.filter((r) => (r[3] ?? '').includes('********')).length).toBe(withId.length);
  });

  it('checklists are settings: a township edits one and adds a site kind; duplicates are refused by row', async () => {
    const admin = await user('t1.admin');
    const dup = await admin.put('/api/checklists/clinic', {
      townshipId: township,
      scope: 'site',
      items: [
        { code: 'c1', text: '有村医', evidence: 'photo' },
        { code: 'c1', text: '有药品', evidence: 'photo' },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0]).toMatchObject({ path: 'items.1.code' });
    const added = await admin.put('/api/checklists/elder_home', {
      townshipId: township,
      scope: 'site',
      label: '幸福院',
      items: [{ code: 'eh1', text: '有专人管理', evidence: 'photo' }],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().items.find((c: { target: string }) => c.target === 'elder_home')).toMatchObject({
      label: { zh: '幸福院' },
      custom: true,
    });
    const v01 = await user('t1.v01');
    // The village inspects with the township's checklists, the new kind among them.
    const seen = (await v01.get(`/api/checklists?townshipId=${township}`)).json().items;
    expect(seen.map((c: { target: string }) => c.target)).toContain('elder_home');
    expect(
      (await v01.post('/api/sites', { id: randomUUID(), villageId: village, kind: 'elder_home', name: '东村幸福院' })).statusCode,
    ).toBe(200);
    expect(
      (await v01.post('/api/sites', { id: randomUUID(), villageId: village, kind: 'casino', name: '不存在' })).statusCode,
    ).toBe(400);
    expect(
      (
        await v01.put('/api/checklists/clinic', {
          townshipId: township,
          scope: 'site',
          items: [{ code: 'x', text: '村里改', evidence: 'none' }],
        })
      ).statusCode,
    ).toBe(403);
  });
});
