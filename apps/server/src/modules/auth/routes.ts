/** HTTP routes of logging in and out, and of one's own account. */
import { DomainError, permissionsOfRoles } from '@fupin/domain';
import { changePasswordInput, loginInput, meSchema, sessionSchema } from '@fupin/domain/schemas/users';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessions } from '../../db/schema/index';
import { run } from '../../lib/http';
import { principalOf } from '../../plugins/access';
import { loadUserViews } from '../users/repository';
import { changePassword } from './commands/change-password';
import { logIn } from './commands/log-in';
import { logOut } from './commands/log-out';
import { revokeOwnSession } from './commands/revoke-own-session';
import { clearSessionCookie, setSessionCookie } from './session';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const { config, clock } = app.deps;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 Log in',
        body: loginInput,
        response: { 200: z.object({ mustChangePassword: z.boolean() }) },
      },
      config: {
        access: { public: 'login' },
        // Per address, on top of the per-account lock: slows a guesser trying many accounts.
        rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const result = await run(req, logIn, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        config,
      });
      if (!result.ok) throw new DomainError(result.code, result.params);
      setSessionCookie(reply, result.token, config, result.expiresAt);
      return { mustChangePassword: result.mustChangePassword };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出登录 Log out', response: { 204: z.null() } },
      config: { access: { signedIn: true } },
    },
    async (req, reply) => {
      const me = principalOf(req);
      await run(req, logOut, { sessionId: me.sessionId, userId: me.userId, homeUnitId: me.homeUnitId });
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 The signed-in account, its roles and permissions',
        response: { 200: meSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (req) => {
      const me = principalOf(req);
      const [user] = await loadUserViews(db, [me.userId], clock.now());
      if (!user) throw new DomainError('UNAUTHENTICATED');
      return { user, permissions: [...permissionsOfRoles(me.grants.map((g) => g.role))] };
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change one’s own password',
        body: changePasswordInput,
        response: { 204: z.null() },
      },
      config: { access: { signedIn: true } },
    },
    async (req, reply) => {
      const me = principalOf(req);
      await run(req, changePassword, { ...req.body, userId: me.userId, sessionId: me.sessionId });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: '我的登录会话 One’s own live sessions',
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
      config: { access: { signedIn: true } },
    },
    async (req) => {
      const me = principalOf(req);
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, me.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, clock.now())))
        .orderBy(desc(sessions.lastSeenAt));
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          current: s.id === me.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '结束会话 End one of one’s own sessions',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 204: z.null() },
      },
      config: { access: { signedIn: true } },
    },
    async (req, reply) => {
      const me = principalOf(req);
      await run(req, revokeOwnSession, { userId: me.userId, homeUnitId: me.homeUnitId, sessionId: req.params.id });
      if (req.params.id === me.sessionId) clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );
};
