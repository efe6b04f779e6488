/** Logging in and out, sessions, lock-out, forced password change, cross-site writes. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty, TEST_PASSWORD } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { users } from '../../db/schema/index';

const HOUR = 3_600_000;

describe('authentication', () => {
  let t: TestApp;
  let county: CountyFixture;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('sets an HTTP-only, SameSite=Strict session cookie and stores argon2id hashes', async () => {
    const res = await login('t1.admin', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'fupin_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.path).toBe('/');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 't1.admin'));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password and an unknown user alike, in Chinese by default and English on request', async () => {
    const wrong = await login('t1.v01', 'not-the-password-1');
    const unknown = await login('nobody-here', 'not-the-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    expect(unknown.json().error.message).toBe('用户名或密码错误');
    const english = await login('nobody-here', 'x', { 'x-fupin-lang': 'en' });
    expect(english.json().error.message).toBe('Wrong username or password');
  });

  it('locks an account after five failures, even against the right password, until the lock expires', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('t1.v02', `wrong-${i}-x`)).statusCode).toBe(401);
    const fifth = await login('t1.v02', 'wrong-5-x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toContain('15 分钟');
    expect((await login('t1.v02', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(14 * 60_000);
    expect((await login('t1.v02', TEST_PASSWORD)).json().error.message).toContain('1 分钟');
    t.clock.advance(60_000);
    expect((await login('t1.v02', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets an administrator unlock an account at once', async () => {
    for (let i = 1; i <= 5; i++) await login('t1.fs01', `wrong-${i}-x`);
    expect((await login('t1.fs01', TEST_PASSWORD)).statusCode).toBe(423);
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const unlocked = await admin.post(`/api/users/${county.users.get('t1.fs01')?.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().locked).toBe(false);
    expect((await login('t1.fs01', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session at logout, after 12 idle hours, and after 7 days however busy', async () => {
    const cookie = await loginAs(t.app, 't1.judge2');
    const me = () => as(t.app, cookie).get('/api/me');
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(11 * HOUR);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(12 * HOUR + 1000);
    expect((await me()).statusCode).toBe(401);

    const busy = await loginAs(t.app, 't1.judge2');
    for (let h = 0; h < 7 * 24; h += 10) {
      expect((await as(t.app, busy).get('/api/me')).statusCode).toBe(200);
      t.clock.advance(10 * HOUR);
    }
    expect((await as(t.app, busy).get('/api/me')).statusCode).toBe(401);

    const third = await loginAs(t.app, 't1.judge2');
    expect((await as(t.app, third).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, third).get('/api/me')).statusCode).toBe(401);
  });

  it('lists one’s own sessions and ends one of them', async () => {
    const a = await loginAs(t.app, 't1.med');
    const b = await loginAs(t.app, 't1.med');
    const list = (await as(t.app, a).get('/api/me/sessions')).json().items;
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await as(t.app, a).delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await as(t.app, b).get('/api/me')).statusCode).toBe(401);
    expect((await as(t.app, a).get('/api/me')).statusCode).toBe(200);
    // Another person's session cannot be ended through one's own account.
    const c = await loginAs(t.app, 't1.housing');
    const theirs = (await as(t.app, c).get('/api/me/sessions')).json().items[0].id;
    expect((await as(t.app, a).delete(`/api/me/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await as(t.app, c).get('/api/me')).statusCode).toBe(200);
  });

  it('forces a password change at first login of an account an administrator created', async () => {
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const created = await admin.post('/api/users', {
      id: randomUUID(),
      username: 'new.cadre',
      displayName: '新干部',
      phone: null,
      homeUnitId: county.townships[0]?.id,
      password: 'initial2020',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().mustChangePassword).toBe(true);
    const first = await login('new.cadre', 'initial2020');
    expect(first.json()).toEqual({ mustChangePassword: true });
    const cookie = `fupin_session=${first.cookies.find((c) => c.name === 'fupin_session')?.value}`;
    const user = as(t.app, cookie);
    const blocked = await user.get('/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await user.get('/api/me')).statusCode).toBe(200);

    const wrongCurrent = await user.post('/api/me/password', { currentPassword: 'nope', newPassword: 'better2020x' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.fields[0]).toEqual({ path: 'currentPassword', message: '「当前密码」：当前密码不正确' });
    const weak = await user.post('/api/me/password', { currentPassword: 'initial2020', newPassword: 'onlyletters' });
    expect(weak.json().error.fields[0]).toEqual({ path: 'newPassword', message: '「新密码」：须同时包含字母和数字' });
    const same = await user.post('/api/me/password', { currentPassword: 'initial2020', newPassword: 'initial2020' });
    expect(same.statusCode).toBe(400);
    const ok = await user.post('/api/me/password', { currentPassword: 'initial2020', newPassword: 'better2020x' });
    expect(ok.statusCode).toBe(204);
    expect((await user.get('/api/me')).json().user.mustChangePassword).toBe(false);
    expect((await login('new.cadre', 'better2020x')).json()).toEqual({ mustChangePassword: false });
  });

  it('ends every session and forces a change when an administrator resets a password', async () => {
    const victim = await loginAs(t.app, 't1.water');
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const id = county.users.get('t1.water')?.id;
    const weak = await admin.post(`/api/users/${id}/reset-password`, { password: 'short1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toBe('密码不符合要求：至少 8 位');
    expect(weak.json().error.fields).toEqual([{ path: 'password', message: '「密码」：至少 8 位' }]);
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'reset2020x' })).statusCode).toBe(200);
    expect((await as(t.app, victim).get('/api/me')).statusCode).toBe(401);
    expect((await login('t1.water', 'reset2020x')).json()).toEqual({ mustChangePassword: true });
  });

  it('refuses a disabled account and ends its sessions when disabled', async () => {
    const victim = await loginAs(t.app, 't1.judge3');
    const admin = as(t.app, await loginAs(t.app, 't1.admin'));
    const id = county.users.get('t1.judge3')?.id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await as(t.app, victim).get('/api/me')).statusCode).toBe(401);
    const res = await login('t1.judge3', TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
    const self = await admin.patch(`/api/users/${county.users.get('t1.admin')?.id}`, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('SELF_LOCKOUT');
  });

  it('refuses writes from another site', async () => {
    const cookie = await loginAs(t.app, 't1.admin');
    const villageId = county.village(0, 0);
    const send = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/units/${villageId}`,
        payload: { sortOrder: 3 },
        headers: { cookie, host: 'fupin.local', ...headers },
      });
    const evil = await send({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CROSS_ORIGIN');
    expect((await send({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await send({ origin: 'http://fupin.local' })).statusCode).toBe(200);
    const loginFromElsewhere = await login('t1.admin', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(loginFromElsewhere.statusCode).toBe(403);
  });
});

describe('login throttling per address', () => {
  it('answers 429 with a Chinese message past the per-minute limit', async () => {
    const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'x' } });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().error.message).toBe('请求过于频繁，请稍后再试');
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('login throttling behind a proxy', () => {
  it('believes X-Forwarded-For only from a trusted proxy, so a client cannot step around the limit', async () => {
    const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: 3 });
    try {
      const login = (remoteAddress: string, forwarded: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': forwarded },
          payload: { username: 'nobody', password: 'x' },
        });
      // A client on the network naming a new address each time is still one address.
      const direct: number[] = [];
      for (let i = 0; i < 5; i++) direct.push((await login('10.1.2.3', `203.0.113.${i}`)).statusCode);
      expect(direct).toEqual([401, 401, 401, 429, 429]);
      // Through the proxy on this machine, each client counts on its own.
      const proxied: number[] = [];
      for (let i = 0; i < 5; i++) proxied.push((await login('127.0.0.1', `198.51.100.${i}`)).statusCode);
      expect(proxied).toEqual([401, 401, 401, 401, 401]);
    } finally {
      await t.close();
    }
  });
});

describe('cookie flags behind HTTPS', () => {
  it('marks the cookie Secure when configured', async () => {
    const t = await createTestApp({ COOKIE_SECURE: true });
    try {
      await seedCounty(t.database);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 't1.admin', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'fupin_session')?.secure).toBe(true);
      // Behind HTTPS the browser may also upgrade every request and remember to (HSTS).
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeTruthy();
    } finally {
      await t.close();
    }
  });
});
