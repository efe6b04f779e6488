/** HTTP routes of account and role administration. */
import { ROLES } from '@fupin/domain';
import { pageQuery } from '@fupin/domain/schemas/common';
import { assignRoleInput, createUserInput, resetPasswordInput, updateUserInput, userSchema } from '@fupin/domain/schemas/users';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../../lib/http';
import { assertPermissionOn, scopeOfRequest, type UnitSource } from '../../plugins/access';
import { assignRole } from './commands/assign-role';
import { createUser } from './commands/create-user';
import { removeRole } from './commands/remove-role';
import { resetPassword } from './commands/reset-password';
import { revokeUserSessions } from './commands/revoke-user-sessions';
import { unlockUser } from './commands/unlock-user';
import { updateUser } from './commands/update-user';
import { homeUnitOfUser, listUserIds, loadUserViews, unitOfRoleAssignment, unitsOfUser } from './repository';

const idParams = z.object({ id: z.uuid() });
const homeUnit: UnitSource = { resolve: (req, d) => homeUnitOfUser(d, (req.params as { id: string }).id), entity: 'user' };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const now = () => app.deps.clock.now();

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表 Accounts the reader may see',
        querystring: pageQuery.extend({
          q: z.string().trim().max(40).optional(),
          unitId: z.uuid().optional(),
          role: z.enum(ROLES).optional(),
        }),
        response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }) },
      },
      config: { access: { permission: 'user.read', unit: 'scoped' } },
    },
    async (req) => {
      const { ids, total } = await listUserIds(db, scopeOfRequest(req), req.query);
      return { items: await loadUserViews(db, ids, now()), total };
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['users'], summary: '用户 One account', params: idParams, response: { 200: userSchema } },
      config: {
        access: {
          permission: 'user.read',
          unit: { resolve: (req, d) => unitsOfUser(d, (req.params as { id: string }).id), entity: 'user' },
        },
      },
    },
    async (req) => (await loadUserViews(db, [req.params.id], now()))[0] as z.infer<typeof userSchema>,
  );

  app.post(
    '/api/users',
    {
      schema: { tags: ['users'], summary: '新建用户 Create an account', body: createUserInput, response: { 200: userSchema } },
      config: { access: { permission: 'user.manage', unit: { body: 'homeUnitId' } } },
    },
    async (req) => run(req, createUser, req.body),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户 Edit or disable an account',
        params: idParams,
        body: updateUserInput,
        response: { 200: userSchema },
      },
      config: { access: { permission: 'user.manage', unit: homeUnit } },
    },
    async (req) => {
      if (req.body.homeUnitId) await assertPermissionOn(req, 'user.manage', req.body.homeUnitId);
      return run(req, updateUser, { id: req.params.id, patch: req.body });
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: '重置密码 Set a new initial password',
        params: idParams,
        body: resetPasswordInput,
        response: { 200: userSchema },
      },
      config: { access: { permission: 'user.manage', unit: homeUnit } },
    },
    async (req) => run(req, resetPassword, { id: req.params.id, password: req.body.password }),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: '解除锁定 Unlock after failed logins',
        params: idParams,
        response: { 200: userSchema },
      },
      config: { access: { permission: 'user.manage', unit: homeUnit } },
    },
    async (req) => run(req, unlockUser, { id: req.params.id }),
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['users'],
        summary: '强制下线 End every session',
        params: idParams,
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
      config: { access: { permission: 'user.manage', unit: homeUnit } },
    },
    async (req) => run(req, revokeUserSessions, { id: req.params.id }),
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: '分配角色 Assign a role on a unit',
        params: idParams,
        body: assignRoleInput,
        response: { 200: userSchema },
      },
      config: { access: { permission: 'user.manage', unit: { body: 'unitId' } } },
    },
    async (req) => run(req, assignRole, { ...req.body, userId: req.params.id }),
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        tags: ['users'],
        summary: '移除角色 Remove a role',
        params: z.object({ id: z.uuid(), assignmentId: z.uuid() }),
        response: { 200: userSchema },
      },
      config: {
        access: {
          permission: 'user.manage',
          unit: {
            resolve: (req, d) => unitOfRoleAssignment(d, (req.params as { assignmentId: string }).assignmentId),
            entity: 'role_assignment',
          },
        },
      },
    },
    async (req) => run(req, removeRole, { userId: req.params.id, assignmentId: req.params.assignmentId }),
  );
};
