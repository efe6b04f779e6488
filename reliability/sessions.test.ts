/**
 * Sessions and the edge of the server: cookie flags (HttpOnly, SameSite=Strict, Path, Expires,
 * Secure behind HTTPS), the ends of a session, every write route refusing a cross-site request,
 * lock-out and per-address throttling of logins (a client cannot step around it with
 * X-Forwarded-For), and the password rules at their boundaries. Security headers, the body
 * limit and the upload limits are in the second part.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@fupin/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../apps/server/src/db/schema/index';
import { loginAs, seedCounty, TEST_PASSWORD } from '../apps/server/test/fixtures';
import { createTestApp } from '../apps/server/test/harness';
import { cookieOf, expectHelmet, HTML, JPEG, MB, multipart, PNG, SVG } from './lib/edge';
import { n, printTable } from './lib/report';
import { fillUrl, writeRoutes } from './lib/routes';
import { errorOf } from './lib/send';
import { createWorld, type World } from './lib/world';

const HOUR = 3_600_000;

describe('sessions', () => {
  let w: World;
  const figures: string[][] = [];
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    printTable('sessions: what was proved', ['property', 'figure'], figures);
    await w?.t.close();
  });
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/, expiring with the session; logout clears it alike', async () => {
    const res = await login('t1.housing', TEST_PASSWORD);
    const c = cookieOf(res.headers['set-cookie'], 'fupin_session');
    expect(c).toMatchObject({ httponly: 'true', samesite: 'Strict', path: '/' });
    expect(c?.secure).toBeUndefined();
    expect(new Date(c?.expires ?? '').toISOString()).toBe(new Date(w.t.clock.now().getTime() + 168 * HOUR).toISOString());
    // 32 random bytes; the table keeps only their SHA-256.
    expect(c?.value?.length).toBeGreaterThanOrEqual(43);
    expect(
      await w.t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, c?.value ?? '')),
    ).toHaveLength(0);
    const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `fupin_session=${c?.value}` } });
    const cleared = cookieOf(out.headers['set-cookie'], 'fupin_session');
    expect(cleared).toMatchObject({ value: '', httponly: 'true', samesite: 'Strict', path: '/' });
    expect(new Date(cleared?.expires ?? '').getTime()).toBeLessThan(w.t.clock.now().getTime());
    figures.push(['cookie', 'HttpOnly; SameSite=Strict; Path=/; Expires +168 h; token 32 bytes, stored as SHA-256']);
  });

  it('marks the cookie Secure and sends HSTS when configured for HTTPS', async () => {
    const t = await createTestApp({ COOKIE_SECURE: true });
    try {
      await seedCounty(t.database);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 't1.admin', password: TEST_PASSWORD },
      });
      expect(cookieOf(res.headers['set-cookie'], 'fupin_session')?.secure).toBe('true');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      figures.push(['COOKIE_SECURE=true', 'Secure cookie, HSTS, upgrade-insecure-requests']);
    } finally {
      await t.close();
    }
  });

  it('ends a session 12 idle hours after its last use and 7 days after login, to the minute', async () => {
    const start = w.t.clock.now().getTime();
    try {
      const cookie = await loginAs(w.app, 't1.med');
      const me = () => w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      w.t.clock.set(new Date(start + 12 * HOUR - 60_000).toISOString());
      expect((await me()).statusCode).toBe(200);
      w.t.clock.set(new Date(start + 24 * HOUR - 120_000).toISOString());
      expect((await me()).statusCode).toBe(200);
      w.t.clock.set(new Date(start + 36 * HOUR).toISOString());
      expect((await me()).statusCode).toBe(401);
      w.t.clock.set(new Date(start).toISOString());
      const busy = await loginAs(w.app, 't1.med');
      for (let h = 10; h < 168; h += 10) {
        w.t.clock.set(new Date(start + h * HOUR).toISOString());
        expect((await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: busy } })).statusCode).toBe(200);
      }
      w.t.clock.set(new Date(start + 168 * HOUR).toISOString());
      expect((await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: busy } })).statusCode).toBe(401);
      figures.push(['session ends', 'after 12 h idle (11 h 59 min idle still on), 168 h after login however busy']);
    } finally {
      w.t.clock.set(new Date(start).toISOString());
    }
  });

  it('refuses a cross-site request to every write route, in Chinese, changing nothing', async () => {
    const cookie = await w.cookie('t1.admin');
    const audits = async () =>
      ((await w.t.database.db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] })
        .rows[0]?.n;
    const before = await audits();
    const routes = writeRoutes(w.app);
    let refusedCount = 0;
    for (const route of routes) {
      const url = fillUrl(route.url, w.areas.A);
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
      ] as Record<string, string>[]) {
        const res = await w.app.inject({
          method: route.method,
          url,
          headers: { cookie, host: 'fupin.local', 'content-type': 'application/json', ...headers },
          payload: '{}',
        });
        expect(res.statusCode, `${route.key} ${JSON.stringify(headers)}`).toBe(403);
        expect(errorOf(res)).toMatchObject({ code: 'CROSS_ORIGIN', message: '跨站请求已被拒绝' });
        refusedCount++;
      }
      // The same request from the site itself passes this check (whatever it then answers).
      const own = await w.app.inject({
        method: route.method,
        url,
        headers: { cookie, host: 'fupin.local', origin: 'http://fupin.local', 'content-type': 'application/json' },
        payload: '{"x":',
      });
      expect(errorOf(own)?.code, route.key).not.toBe('CROSS_ORIGIN');
    }
    expect(await audits()).toBe(before);
    figures.push([
      'cross-site writes',
      `${routes.length} write routes × 3 (evil Origin, Origin null, Sec-Fetch-Site) = ${n(refusedCount)} refused, 0 changes`,
    ]);
  });

  it('locks an account after 5 failures for 15 minutes, saying so, and tells no one which usernames exist', async () => {
    const start = w.t.clock.now().getTime();
    try {
      const seen: number[] = [];
      for (let i = 1; i <= 5; i++) seen.push((await login('t1.judge3', `wrong-${i}-pass`)).statusCode);
      expect(seen).toEqual([401, 401, 401, 401, 423]);
      const locked = await login('t1.judge3', TEST_PASSWORD);
      expect(locked.statusCode).toBe(423);
      expect(errorOf(locked)?.message).toBe('连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试');
      // An unknown username never locks and answers exactly as a wrong password does.
      for (let i = 1; i <= 6; i++) {
        const res = await login('no.such.user', `wrong-${i}-pass`);
        expect([res.statusCode, errorOf(res)?.message]).toEqual([401, '用户名或密码错误']);
      }
      w.t.clock.set(new Date(start + 14 * 60_000).toISOString());
      expect(errorOf(await login('t1.judge3', TEST_PASSWORD))?.message).toContain('1 分钟');
      w.t.clock.set(new Date(start + 15 * 60_000).toISOString());
      expect((await login('t1.judge3', TEST_PASSWORD)).statusCode).toBe(200);
      // A success starts the count again.
      for (let i = 1; i <= 4; i++) expect((await login('t1.judge3', `wrong-${i}-pass`)).statusCode).toBe(401);
      expect((await login('t1.judge3', TEST_PASSWORD)).statusCode).toBe(200);
      figures.push(['lock-out', '5th failure → 423 for 15 min (right password refused meanwhile); unknown users answered alike']);
    } finally {
      w.t.clock.set(new Date(start).toISOString());
    }
  });

  it('throttles logins per address, counting the real client behind a trusted proxy only', async () => {
    const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: 5 });
    try {
      const attempt = (remoteAddress: string, forwarded?: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
          payload: { username: 'someone', password: 'guess-1234' },
        });
      const one: number[] = [];
      for (let i = 0; i < 7; i++) one.push((await attempt('10.0.0.1', `203.0.113.${i}`)).statusCode);
      expect(one).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const throttled = await attempt('10.0.0.1');
      expect(errorOf(throttled)?.message).toBe('请求过于频繁，请稍后再试');
      expect((await attempt('10.0.0.2')).statusCode).toBe(401);
      figures.push([
        'login throttle',
        '5 a minute per address; 6th → 429 in Chinese; X-Forwarded-For believed from loopback only',
      ]);
    } finally {
      await t.close();
    }
  });

  it('holds passwords to the rules at their boundaries, wherever one is set', async () => {
    const admin = await w.client('t1.admin');
    const target = w.areas.B.user;
    const min = PASSWORD_MIN_LENGTH;
    const max = PASSWORD_MAX_LENGTH;
    const cases: [string, string, string | null][] = [
      [`${min - 1} characters`, 'abc1234', '至少 8 位'],
      [`${min} characters`, 'abcd1234', null],
      ['letters only', 'abcdefghij', '须同时包含字母和数字'],
      ['digits only', '1234567890', '须同时包含字母和数字'],
      ['contains the username', `x${w.areas.B.username}9`, '不能包含用户名'],
      [`${max} characters`, `a1${'b'.repeat(max - 2)}`, null],
      [`${max + 1} characters`, `a1${'b'.repeat(max - 1)}`, '最多 128 位'],
      ['Chinese and digits, no Latin letter', '扶贫工作2020年', '须同时包含字母和数字'],
      ['Chinese, letters and digits', '扶贫fupin2020', null],
    ];
    for (const [what, password, problem] of cases) {
      const res = await admin.post(`/api/users/${target}/reset-password`, { password });
      if (problem === null) expect(res.statusCode, what).toBe(200);
      else {
        expect(res.statusCode, what).toBe(400);
        expect(res.json().error.fields, what).toEqual([{ path: 'password', message: `「密码」：${problem}` }]);
      }
    }
    // Changing one's own: the current one must be right, and the new one differ.
    const own = {
      post: async (url: string, payload: unknown) =>
        w.app.inject({
          method: 'POST',
          url,
          payload: payload as object,
          headers: { cookie: await loginAs(w.app, w.areas.B.username, '扶贫fupin2020') },
        }),
    };
    const wrong = await own.post('/api/me/password', { currentPassword: 'not-it-1234', newPassword: 'better2020x' });
    expect(wrong.json().error.fields).toEqual([{ path: 'currentPassword', message: '「当前密码」：当前密码不正确' }]);
    const same = await own.post('/api/me/password', { currentPassword: '扶贫fupin2020', newPassword: '扶贫fupin2020' });
    expect(same.json().error.fields?.[0]?.message).toBe('「新密码」：新密码不能与当前密码相同');
    figures.push([
      'password rules',
      `${cases.length} boundary cases: ${min}–${max} characters, letters and digits, not the username`,
    ]);
  });
});

describe('security headers and limits', () => {
  let w: World;
  const rows: string[][] = [];
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    printTable('security headers and limits', ['what', 'answer'], rows);
    await w?.t.close();
  });
  const upload = async (username: string, url: string, file: Buffer, filename: string, type: string) => {
    const m = multipart(file, filename, type);
    return w.app.inject({
      method: 'POST',
      url,
      headers: { cookie: await w.cookie(username), 'content-type': m.type },
      payload: m.payload,
    });
  };

  it('sets the security headers on answers of every kind, the web app’s pages and files included', async () => {
    const cookie = await w.cookie('t1.admin');
    const answers = {
      'JSON 200': await w.app.inject({ method: 'GET', url: '/api/health' }),
      '401': await w.app.inject({ method: 'GET', url: '/api/units' }),
      '404': await w.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } }),
      '413': await w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"username":"${'x'.repeat(3 * MB)}"}`,
      }),
      '.xlsx': await w.app.inject({
        method: 'GET',
        url: `/api/registry/template.xlsx?unitId=${w.areas.A.villageId}`,
        headers: { cookie },
      }),
    };
    for (const [label, res] of Object.entries(answers)) expectHelmet(res.headers, label);
    // The router's own refusals (an unreadable or over-long path) carry nosniff at least.
    const long = await w.app.inject({ method: 'GET', url: `/api/units/${'x'.repeat(200)}`, headers: { cookie } });
    expect(long.headers['x-content-type-options']).toBe('nosniff');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const web = mkdtempSync(join((await import('node:os')).tmpdir(), 'fupin-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>扶贫</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const site = await createTestApp({ WEB_DIST: web });
    try {
      const page = await site.app.inject({ method: 'GET', url: '/villages/1', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expectHelmet(page.headers, 'web page');
      expectHelmet((await site.app.inject({ method: 'GET', url: '/assets/app.js' })).headers, 'web asset');
    } finally {
      await site.close();
    }
    rows.push([
      'headers',
      `CSP (default-src, script-src 'self', object-src 'none', frame-ancestors 'self'), nosniff, SAMEORIGIN, no-referrer, COOP/CORP on ${Object.keys(answers).length + 2} kinds of answer`,
    ]);
  });

  it('refuses a body over 2 MB with 413 in Chinese', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * MB) }),
    });
    expect([res.statusCode, errorOf(res)?.message]).toEqual([413, '提交的内容过大']);
    rows.push(['JSON body > 2 MB', '413 提交的内容过大']);
  });

  it('takes evidence of 5 MB at most, typed by its bytes (JPG, PNG, WebP, PDF), 12 a problem', async () => {
    const url = `/api/problems/${w.areas.A.problem}/evidence`;
    const big = await upload('t1.v01', url, JPEG(5 * MB + 1), 'big.jpg', 'image/jpeg');
    expect([big.statusCode, errorOf(big)?.message]).toEqual([413, '文件过大（单个不超过 5 MB）']);
    for (const [file, name] of [
      [HTML, 'photo.jpg'],
      [SVG, 'photo.svg'],
      [Buffer.from('MZ\x90\x00'), 'photo.exe'],
    ] as const) {
      const res = await upload('t1.v01', url, file, name, 'image/jpeg');
      expect([res.statusCode, errorOf(res)?.message], name).toEqual([415, '只能上传 JPG、PNG、WebP 图片或 PDF 文件']);
    }
    expect((await upload('t1.v01', url, JPEG(5 * MB), 'exactly-5mb.jpg', 'image/jpeg')).statusCode).toBe(200);
    // A PNG sent as a JPEG is stored (and served) as what it is.
    const png = await upload('t1.v01', url, PNG, 'photo.jpg', 'image/jpeg');
    const stored = png.json().evidence.find((e: { fileName: string }) => e.fileName === 'photo.jpg');
    expect(stored.mimeType).toBe('image/png');
    const served = await (await w.client('t1.v01')).get(`${url}/${stored.id}`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    let count = png.json().evidence.length as number;
    while (count < 12) count = (await upload('t1.v01', url, JPEG(100), `fill${count}.jpg`, 'image/jpeg')).json().evidence.length;
    const extra = await upload('t1.v01', url, JPEG(100), 'thirteenth.jpg', 'image/jpeg');
    expect([extra.statusCode, errorOf(extra)?.message]).toEqual([400, '每个问题最多 12 份佐证材料']);
    rows.push(['evidence', '> 5 MB → 413; HTML, SVG, EXE as image/jpeg → 415; type from the bytes; 13th → 400']);
  });

  it('takes a judge’s photos of 5 MB at most, images only, 6 a sheet', async () => {
    const a = w.areas.A;
    const { competitionRounds, competitionScores } = await import('../apps/server/src/db/schema/index');
    const { DEFAULT_PRIZES, DEFAULT_RUBRIC } = await import('@fupin/domain');
    const round = crypto.randomUUID();
    const score = crypto.randomUUID();
    const now = w.t.clock.now();
    await w.t.database.db.insert(competitionRounds).values({
      townshipId: a.townshipId,
      id: round,
      month: '2020-05',
      status: 'scoring',
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 1,
      publicityDays: 5,
      createdAt: now,
    });
    await w.t.database.db.insert(competitionScores).values({
      townshipId: a.townshipId,
      id: score,
      roundId: round,
      villageId: a.villageId,
      part: 'village',
      subjectId: a.villageId,
      judgeId: w.userId('t1.judge1'),
      sheet: {},
      submittedAt: now,
    });
    const url = `/api/competition/rounds/${round}/scores/${score}/photos`;
    const big = await upload('t1.judge1', url, JPEG(5 * MB + 1), 'big.jpg', 'image/jpeg');
    expect([big.statusCode, errorOf(big)?.message]).toEqual([413, '文件过大（单个不超过 5 MB）']);
    const html = await upload('t1.judge1', url, HTML, 'photo.jpg', 'image/jpeg');
    expect([html.statusCode, errorOf(html)?.message]).toEqual([415, '只能上传 JPG、PNG 或 WebP 照片']);
    for (let i = 0; i < 6; i++)
      expect((await upload('t1.judge1', url, JPEG(100), `p${i}.jpg`, 'image/jpeg')).statusCode).toBe(200);
    const seventh = await upload('t1.judge1', url, JPEG(100), 'p7.jpg', 'image/jpeg');
    expect([seventh.statusCode, errorOf(seventh)?.message]).toEqual([400, '每张评分表最多 6 张照片']);
    rows.push(['competition photos', `> 5 MB → 413; not an image → 415 (${errorOf(html)?.message}); 7th → 400`]);
  });

  it('takes registry files that are .xlsx and at most 200 MB, saying why not', async () => {
    const url = `/api/registry/imports?unitId=${w.areas.A.villageId}`;
    const pdf = await upload(
      't1.admin',
      url,
      Buffer.from('%PDF-1.4 registry'),
      '农户.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(pdf.statusCode).toBe(400);
    expect(errorOf(pdf)?.message).toBe('无法读取该文件：不是有效的 Excel 文件（.xlsx），请用模板填写并另存为 .xlsx 后上传');
    const { Readable } = await import('node:stream');
    const b = '----big';
    function* body() {
      yield Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\n\r\nPK\x03\x04`);
      for (let i = 0; i <= 200; i++) yield Buffer.alloc(MB, 0x41);
      yield Buffer.from(`\r\n--${b}--\r\n`);
    }
    const big = await w.app.inject({
      method: 'POST',
      url,
      headers: { cookie: await w.cookie('t1.admin'), 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Readable.from(body()),
    });
    expect([big.statusCode, errorOf(big)?.message]).toEqual([413, '文件过大（单个不超过 200 MB）']);
    rows.push(['registry import', 'not a zip → 400 不是有效的 Excel 文件; 201 MB → 413 文件过大（单个不超过 200 MB）']);
  });
});
