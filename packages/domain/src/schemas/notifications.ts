/**
 * Notifications in the app (issue 8): a deadline two days away, an order issued, a problem
 * assigned or escalated, a summary sent back. Each person reads only their own, under /api/me.
 * The server renders title and body in the reader's language; kind and params are there for a
 * page that wants to lay one out itself. No transforms in responses.
 *
 * Routes (any signed-in person, their own only; contract in apps/server/src/modules/notifications/routes.ts):
 *   GET  /api/me/notifications?unread?&limit&offset  → notificationListSchema (newest first)
 *   GET  /api/me/notifications/unread-count          → unreadCountSchema (the badge)
 *   POST /api/me/notifications/:id/read              → unreadCountSchema
 *   POST /api/me/notifications/read-all              → markAllReadSchema
 */
import { z } from 'zod';
import { pageQuery } from './common';

export const NOTIFICATION_KINDS = [
  'deadline',
  'order_issued',
  'problem_assigned',
  'problem_escalated',
  'summary_returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification opens: the web maps each to its page (problem → /problems/:id …). */
export const NOTIFICATION_TARGETS = [
  'problem',
  'problems',
  'order',
  'visit_tasks',
  'visit_summary',
  'inspection_summary',
  'inspections',
] as const;
export type NotificationTarget = (typeof NOTIFICATION_TARGETS)[number];

export const notificationParamValue = z.union([z.string(), z.number(), z.null()]);

export const notificationLinkSchema = z.object({
  target: z.enum(NOTIFICATION_TARGETS),
  /** the entity's id (problem, order), or null for a list */
  id: z.string().nullable(),
  /** e.g. { campaignId, villageId } for a summary page */
  query: z.record(z.string(), z.string()),
});
export type NotificationLink = z.infer<typeof notificationLinkSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  params: z.record(z.string(), notificationParamValue),
  link: notificationLinkSchema.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

/** GET /api/me/notifications */
export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  ...pageQuery.shape,
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});

/** GET /api/me/notifications/unread-count, and the answer of marking read */
export const unreadCountSchema = z.object({ unread: z.number().int() });

export const markAllReadSchema = z.object({ unread: z.number().int(), marked: z.number().int() });
