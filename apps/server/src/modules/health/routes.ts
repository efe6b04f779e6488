/** Liveness and readiness: the process answers and the database answers. */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: '健康检查 The server and its database answer',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'pg']), time: z.string() }) },
      },
      config: { access: { public: 'health' } },
    },
    async () => {
      await app.deps.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.deps.database.kind, time: app.deps.clock.now().toISOString() };
    },
  );
};
