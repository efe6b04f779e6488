/**
 * Photos on a judge's sheet: only the sheet's judge adds or removes them, only images, at most six,
 * only while the round is scored; they show with the sheet to the judge and the office, and the
 * picture itself to whoever sees the sheet's village (its judge, its staff, the office), no one else.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PRIZES, DEFAULT_RUBRIC } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog } from '../../db/schema/index';
import { PHOTOS_PER_SHEET } from './commands/score-photos';
import {
  addMarginalHouseholds,
  fullSheet,
  idOf,
  nominateFirstGroups,
  type RoundDetail,
  scoreEverything,
  sessions,
  type Task,
} from './competition.fixtures';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 1)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 2)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

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

describe('photos on a judge’s sheet', () => {
  let t: TestApp;
  let county: CountyFixture;
  let township: string;
  let v0: string;
  let v1: string;
  const roundId = randomUUID();
  let scoreId = '';
  const s = sessions(() => t);
  const cookies = new Map<string, string>();
  const photos = () => `/api/competition/rounds/${roundId}/scores/${scoreId}/photos`;

  const upload = async (username: string, fileName: string, data: Buffer) => {
    if (!cookies.has(username)) cookies.set(username, await loginAs(t.app, username));
    const body = multipart(fileName, data);
    return t.app.inject({
      method: 'POST',
      url: photos(),
      headers: { cookie: cookies.get(username) as string, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    township = county.townships[0]?.id as string;
    v0 = county.village(0, 0);
    v1 = county.village(0, 1);
    await addMarginalHouseholds(t, township, [v0, v1]);
    const a = await s.user('t1.admin');
    const settings = await a.put('/api/competition/settings', {
      townshipId: township,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 2,
      publicityDays: 5,
      competitionWeight: 0.5,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const created = await a.post('/api/competition/rounds', { id: roundId, townshipId: township, month: '2020-05' });
    expect(created.statusCode, created.body).toBe(200);
    await nominateFirstGroups(
      new Map([
        [v0, await s.user('t1.v01')],
        [v1, await s.user('t1.v02')],
      ]),
      roundId,
      created.json() as RoundDetail,
    );
    const all = (judge: string, villageId: string) =>
      (['households', 'groups', 'village'] as const).map((part) => ({ judgeId: idOf(county, judge), part, villageId }));
    const assigned = await a.put(`/api/competition/rounds/${roundId}/assignments`, {
      assignments: [...all('t1.judge2', v0), ...all('t1.judge1', v1)],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    // judge2's sheet of village 0 itself (看村).
    const sheet = await (await s.user('t1.judge2')).post('/api/competition/scores', {
      id: randomUUID(),
      roundId,
      villageId: v0,
      part: 'village',
      subjectId: v0,
      sheet: fullSheet(DEFAULT_RUBRIC.village.items),
      note: '村部后墙危房未拆',
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().photos).toEqual([]);
    scoreId = sheet.json().id;
  });
  afterAll(() => t.close());

  it('the sheet’s judge adds a photo; it shows with the sheet to the judge and the office', async () => {
    const res = await upload('t1.judge2', '危房.jpg', JPEG);
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json();
    expect(photo).toMatchObject({ fileName: '危房.jpg', size: JPEG.length });

    const tasks = (await (await s.user('t1.judge2')).get('/api/competition/my-tasks')).json().items as (Task & {
      subjects: { sheet: { photos: unknown[] } | null }[];
    })[];
    const village = tasks.find((x) => x.villageId === v0 && x.part === 'village');
    expect(village?.subjects[0]?.sheet?.photos).toEqual([photo]);
    const detail = (await (await s.user('t1.admin')).get(`/api/competition/rounds/${roundId}`)).json();
    const sheets = detail.villages.find((v: { villageId: string }) => v.villageId === v0).sheets;
    expect(sheets.find((x: { id: string }) => x.id === scoreId).photos).toEqual([photo]);

    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'competition_score'), eq(auditLog.action, 'add_evidence')));
    expect(audited).toMatchObject({ entityId: scoreId, unitId: v0 });
    expect(JSON.stringify(audited?.after)).not.toContain('"data"');
  });

  it.each([
    ['the judge of the sheet', 't1.judge2', 200],
    ['the office', 't1.admin', 200],
    ['the village’s own staff', 't1.v01', 200],
    ['a judge of another village', 't1.judge1', 403],
    ['another village’s staff', 't1.v02', 403],
  ])('the picture itself: %s (%s) gets %i', async (_who, username, status) => {
    const tasks = (await (await s.user('t1.judge2')).get('/api/competition/my-tasks')).json().items;
    const photo = tasks.find((x: Task) => x.villageId === v0 && x.part === 'village').subjects[0].sheet.photos[0];
    const res = await (await s.user(username)).get(`${photos()}/${photo.id}`);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 200) {
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.rawPayload.equals(JPEG)).toBe(true);
    }
  });

  it.each([
    ['a PDF', 't1.judge2', 'scan.pdf', PDF, 415, '只能上传 JPG、PNG 或 WebP 照片'],
    ['a text file called .jpg', 't1.judge2', 'fake.jpg', Buffer.from('not a photo'), 415, '只能上传 JPG、PNG 或 WebP 照片'],
    ['a photo larger than 5 MB', 't1.judge2', 'big.jpg', Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), 413, '5 MB'],
    ['another judge’s photo on this sheet', 't1.judge1', 'x.jpg', JPEG, 403, ''],
    ['village staff', 't1.v01', 'x.jpg', JPEG, 403, ''],
  ])('refuses %s', async (_label, username, name, data, status, message) => {
    const res = await upload(username, name, data);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.message).toContain(message);
  });

  it(`takes at most ${PHOTOS_PER_SHEET} photos a sheet; the judge removes one, audited`, async () => {
    for (let i = 1; i < PHOTOS_PER_SHEET; i++) expect((await upload('t1.judge2', `p${i}.png`, PNG)).statusCode).toBe(200);
    const over = await upload('t1.judge2', 'p7.png', PNG);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe(`每张评分表最多 ${PHOTOS_PER_SHEET} 张照片`);

    const judge2 = await s.user('t1.judge2');
    const sheet = () =>
      judge2
        .get('/api/competition/my-tasks')
        .then((r) => r.json().items.find((x: Task) => x.villageId === v0 && x.part === 'village').subjects[0].sheet);
    const [first] = (await sheet()).photos;
    expect((await (await s.user('t1.judge1')).delete(`${photos()}/${first.id}`)).statusCode).toBe(403);
    expect((await judge2.delete(`${photos()}/${first.id}`)).statusCode).toBe(204);
    expect((await judge2.delete(`${photos()}/${first.id}`)).statusCode).toBe(404);
    expect((await sheet()).photos).toHaveLength(PHOTOS_PER_SHEET - 1);
    const removed = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'competition_score'), eq(auditLog.action, 'delete')));
    expect(removed).toHaveLength(1);
    expect(removed[0]?.before).toMatchObject({ id: first.id, fileName: first.fileName });
  });

  it('a sheet of another round, or an unknown one, is not found; once closed, photos are locked like the sheet', async () => {
    const res = await (await s.user('t1.judge2')).get(
      `/api/competition/rounds/${randomUUID()}/scores/${scoreId}/photos/${randomUUID()}`,
    );
    expect(res.statusCode).toBe(404);
    await scoreEverything([await s.user('t1.judge2'), await s.user('t1.judge1')], roundId, (_v, _p, _i, items) =>
      fullSheet(items),
    );
    const closed = await (await s.user('t1.admin')).post(`/api/competition/rounds/${roundId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await upload('t1.judge2', 'late.jpg', JPEG);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('COMPETITION_WRONG_STATE');
  });
});
