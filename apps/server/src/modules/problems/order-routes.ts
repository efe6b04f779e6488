/**
 * Supervision orders (督办整改单): issued by the township for a set of problems, read by everyone
 * answerable for them, printed, and exported; an order's status follows its problems.
 */
import {
  DomainError,
  ORDER_STATUS_LABELS,
  orderStatus,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUS_LABELS,
  shanghaiDate,
  term,
} from '@fupin/domain';
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { orderProblems, problems, supervisionOrders, users } from '../../db/schema/index';
import { writeGovernmentTable } from '../../io/excel/government-table';
import { sendXlsx } from '../../io/excel/send';
import { run } from '../../lib/http';
import { loadScope, principalOf, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { getUnit } from '../org/repository';
import { issueOrder } from './commands/orders';
import { ledgerRows, problemScope } from './queries';
import { worksInTownship } from './repository';

const orderSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  number: z.string(),
  title: z.string(),
  deadline: z.string(),
  note: z.string().nullable(),
  responsible: z.array(z.object({ id: z.uuid(), name: z.string() })),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  problems: z.number().int(),
  closed: z.number().int(),
  status: z.enum(['in_progress', 'overdue', 'done']),
});

/** An order is the township's; a village reaches it too when it holds the village's problems. */
const orderUnit: UnitSource = {
  resolve: async (req, db) => {
    const id = (req.params as { id: string }).id;
    const [row] = await db
      .select({ t: supervisionOrders.townshipId })
      .from(supervisionOrders)
      .where(eq(supervisionOrders.id, id));
    if (!row) return null;
    const villages = await db
      .selectDistinct({ v: problems.villageId })
      .from(orderProblems)
      .innerJoin(problems, and(eq(problems.townshipId, orderProblems.townshipId), eq(problems.id, orderProblems.problemId)))
      .where(and(eq(orderProblems.townshipId, row.t), eq(orderProblems.orderId, id)));
    return [row.t, ...villages.map((v) => v.v).filter((v): v is string => v !== null)];
  },
  entity: 'order',
};

async function presentOrders(db: Db, where: SQL | undefined, today: string) {
  const rows = await db
    .select({
      o: supervisionOrders,
      issuedByName: users.displayName,
      problems: sql<number>`(select count(*)::int from order_problems op where op.township_id = ${supervisionOrders.townshipId} and op.order_id = ${supervisionOrders.id})`,
      closed: sql<number>`(select count(*)::int from order_problems op join problems p on p.township_id = op.township_id and p.id = op.problem_id
                           where op.township_id = ${supervisionOrders.townshipId} and op.order_id = ${supervisionOrders.id} and p.status = 'closed')`,
    })
    .from(supervisionOrders)
    .leftJoin(users, eq(users.id, supervisionOrders.issuedBy))
    .where(where)
    .orderBy(desc(supervisionOrders.issuedAt));
  const ids = [...new Set(rows.flatMap((r) => r.o.responsibleUserIds))];
  const names = new Map(
    (ids.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)) : []).map(
      (u) => [u.id, u.name],
    ),
  );
  return rows.map(({ o, issuedByName, problems: n, closed }) => ({
    id: o.id,
    townshipId: o.townshipId,
    number: o.number,
    title: o.title,
    deadline: o.deadline,
    note: o.note,
    responsible: o.responsibleUserIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    issuedAt: o.issuedAt.toISOString(),
    issuedByName,
    problems: n,
    closed,
    status: orderStatus({ problems: n, closed, deadline: o.deadline }, today),
  }));
}

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;
  const { db } = database;

  async function oneOrder(id: string) {
    const [order] = await presentOrders(db, eq(supervisionOrders.id, id), shanghaiDate(clock.now()));
    if (!order) throw new DomainError('NOT_FOUND', { entity: term('entity.order') });
    return order;
  }

  app.get(
    '/api/orders',
    {
      schema: {
        tags: ['problems'],
        summary: '督办整改单 The orders of the townships the reader sees, newest first',
        querystring: z.object({ townshipId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(orderSchema) }) },
      },
      config: { access: { permission: 'problem.read', unit: 'scoped' } },
    },
    async (req) => {
      const scope = scopeOfRequest(req);
      // Orders are the township's; a village or a cadre sees those that hold its problems.
      const mine = principalOf(req).userId;
      const inScope = problemScope(scope, mine) ?? sql`false`;
      const visible = or(
        scope.townships.length ? inArray(supervisionOrders.townshipId, scope.townships) : undefined,
        sql`exists (select 1 from order_problems op join problems on problems.township_id = op.township_id and problems.id = op.problem_id
                    where op.township_id = ${supervisionOrders.townshipId} and op.order_id = ${supervisionOrders.id} and ${inScope})`,
      );
      const items = await presentOrders(
        db,
        and(visible, req.query.townshipId ? eq(supervisionOrders.townshipId, req.query.townshipId) : undefined),
        shanghaiDate(clock.now()),
      );
      return { items };
    },
  );

  app.get(
    '/api/orders/:id',
    {
      schema: {
        tags: ['problems'],
        summary: '督办单详情 One order with its problems',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ order: orderSchema, problemIds: z.array(z.uuid()) }) },
      },
      config: { access: { permission: 'problem.read', unit: orderUnit } },
    },
    async (req) => {
      const order = await oneOrder(req.params.id);
      // An order spans villages: each reader is shown only the problems they may read.
      const me = principalOf(req);
      const inScope = problemScope(await loadScope(db, me.grants, 'problem.read'), me.userId) ?? sql`false`;
      const ids = await db
        .select({ id: orderProblems.problemId })
        .from(orderProblems)
        .innerJoin(problems, and(eq(problems.townshipId, orderProblems.townshipId), eq(problems.id, orderProblems.problemId)))
        .where(and(eq(orderProblems.townshipId, order.townshipId), eq(orderProblems.orderId, order.id), inScope));
      return { order, problemIds: ids.map((r) => r.id) };
    },
  );

  app.post(
    '/api/orders',
    {
      schema: {
        tags: ['problems'],
        summary: '下发督办单 Issue an order for a set of problems (idempotent by its id)',
        body: z.object({
          id: z.uuid(),
          townshipId: z.uuid(),
          title: z.string().trim().min(2).max(100),
          deadline: z.iso.date(),
          responsibleUserIds: z.array(z.uuid()).min(1).max(20),
          problemIds: z.array(z.uuid()).min(1).max(500),
          note: z.string().trim().max(500).nullable().default(null),
        }),
        response: { 200: z.object({ order: orderSchema, problemIds: z.array(z.uuid()) }) },
      },
      config: { access: { permission: 'order.manage', unit: { body: 'townshipId' } } },
    },
    async (req) => {
      // Each person answerable must exist and work in the township: no one elsewhere is named (or notified).
      for (const [i, id] of req.body.responsibleUserIds.entries())
        if (!(await worksInTownship(db, id, req.body.townshipId)))
          throw new DomainError('VALIDATION_FAILED', {}, [{ path: `responsibleUserIds.${i}`, key: 'issue.invalid_option' }]);
      await run(req, issueOrder, req.body);
      return { order: await oneOrder(req.body.id), problemIds: req.body.problemIds };
    },
  );

  app.get(
    '/api/orders/:id/order.xlsx',
    {
      schema: { tags: ['problems'], summary: '督办单 The order and its problems as a table', params: z.object({ id: z.uuid() }) },
      config: { access: { permission: 'problem.read', unit: orderUnit } },
    },
    async (req, reply) => {
      const order = await oneOrder(req.params.id);
      const township = await getUnit(db, order.townshipId);
      // The table holds only the problems the reader may read (a village its own, a cadre their households').
      const me = principalOf(req);
      const rows = await ledgerRows(
        db,
        await loadScope(db, me.grants, 'problem.read'),
        me.userId,
        { orderId: order.id },
        clock.now(),
      );
      const headers = [
        '序号',
        '村',
        '户主姓名或场所',
        '问题类别',
        '问题描述',
        '整改措施',
        '责任单位',
        '责任人',
        '整改时限',
        '整改状态',
        '销号日期',
      ];
      return sendXlsx(
        reply,
        `${order.number}.xlsx`,
        (out) =>
          writeGovernmentTable(out, {
            sheetName: '督办整改单',
            title: `${township.name}脱贫攻坚督办整改单（${order.number}）`,
            unit: township.name,
            period: `整改时限：${order.deadline}；责任人：${order.responsible.map((r) => r.name).join('、')}；状态：${ORDER_STATUS_LABELS[order.status].zh}`,
            date: shanghaiDate(new Date(order.issuedAt)),
            headers,
            widths: [6, 10, 14, 10, 40, 30, 14, 10, 12, 10, 12],
            rows: rows.map((r, i) => [
              i + 1,
              r.villageName ?? '镇级',
              r.headName ?? r.siteName ?? '',
              PROBLEM_CATEGORIES.labels[r.problem.category as keyof typeof PROBLEM_CATEGORIES.labels]?.zh ?? r.problem.category,
              r.problem.description,
              r.problem.measures ?? '',
              r.responsibleUnitName ?? '',
              r.responsibleUserName ?? '',
              r.problem.deadline ?? '',
              PROBLEM_STATUS_LABELS[r.problem.status].zh,
              r.problem.closedAt ? shanghaiDate(new Date(r.problem.closedAt)) : '',
            ]),
            signatures: ['督办单位（盖章）：', '责任人（签字）：', '签收日期：'],
          }),
        'order.xlsx',
      );
    },
  );
};
