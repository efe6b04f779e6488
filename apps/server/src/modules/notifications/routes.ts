/**
 * Notifications in the app: each signed-in person reads and marks their own, nobody else's.
 * They live under /api/me, the routes open to any signed-in person that act on that person only.
 *
 * API contract (schemas in packages/domain/src/schemas/notifications.ts):
 *
 *   GET  /api/me/notifications?unread=true|false&limit=50&offset=0
 *        newest first → { items: [{ id, townshipId, kind, title, body, params, link, createdAt, readAt }], total, unread }
 *        kind: deadline | order_issued | problem_assigned | problem_escalated | summary_returned
 *        title and body in the reader's language (x-fupin-lang); link: { target, id, query } —
 *        target problem (/problems/:id), problems, order (/orders/:id), visit_tasks, visit_summary,
 *        inspection_summary, inspections; query e.g. { campaignId, villageId }
 *   GET  /api/me/notifications/unread-count          → { unread }   (the badge; cheap, poll it)
 *   POST /api/me/notifications/:id/read               → { unread }   404 when not the reader's own
 *   POST /api/me/notifications/read-all               → { unread: 0, marked }
 *
 * Written by: issuing a supervision order (the persons answerable), recording or assigning a
 * problem with a responsible person (that person), escalating a problem by hand or by the
 * overdue job (the township office, and the sector leader of a sector's problem), sending a
 * village summary back (its submitter and the village staff), and the deadline job from two
 * days before a deadline (whoever still has work toward it; once per person and deadline).
 */
import { markAllReadSchema, noticeText, notificationListQuery, notificationListSchema, unreadCountSchema } from '@fupin/domain';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notifications } from '../../db/schema/index';
import { run } from '../../lib/http';
import { principalOf } from '../../plugins/access';
import { markAllRead, markRead, unreadCount } from './commands/mark-read';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const own = { signedIn: true } as const;

  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的消息 The reader’s notifications, newest first',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
      config: { access: own },
    },
    async (req) => {
      const me = principalOf(req).userId;
      const where = and(eq(notifications.userId, me), req.query.unread === 'true' ? isNull(notifications.readAt) : undefined);
      const [total] = await db.select({ n: count() }).from(notifications).where(where);
      const rows = await db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(req.query.limit)
        .offset(req.query.offset);
      return {
        total: total?.n ?? 0,
        unread: await unreadCount(db, me),
        items: rows.map((r) => ({
          id: r.id,
          townshipId: r.townshipId,
          kind: r.kind,
          ...noticeText(r.kind, r.params, req.lang),
          params: r.params,
          link: r.link ?? null,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/me/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: '未读消息数 The badge',
        response: { 200: unreadCountSchema },
      },
      config: { access: own },
    },
    async (req) => ({ unread: await unreadCount(db, principalOf(req).userId) }),
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标为已读 Mark one of the reader’s notifications read',
        params: z.object({ id: z.uuid() }),
        response: { 200: unreadCountSchema },
      },
      config: { access: own },
    },
    async (req) => {
      const me = principalOf(req).userId;
      await run(req, markRead, { userId: me, id: req.params.id });
      return { unread: await unreadCount(db, me) };
    },
  );

  app.post(
    '/api/me/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: '全部已读 Mark all the reader’s notifications read',
        response: { 200: markAllReadSchema },
      },
      config: { access: own },
    },
    async (req) => {
      const me = principalOf(req).userId;
      const marked = await run(req, markAllRead, { userId: me });
      return { marked, unread: await unreadCount(db, me) };
    },
  );
};
