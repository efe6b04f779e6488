/**
 * The app as the dashboard benchmarks serve it: the real stack listening on a free port, plus the
 * baseline route — the cheapest possible answer (`count(*)` of one township's households) behind
 * the same stack and access check, so every route's time can be read against it.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app';
import { testConfig } from '../../apps/server/src/config';
import { type Database, selectRows } from '../../apps/server/src/db/client';
import type { Clock } from '../../apps/server/src/lib/clock';

export const BASELINE_ROUTE = '/api/bench/households-count';

export async function listenWithBaseline(database: Database, clock: Clock): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'warn' }), database, clock });
  app.get(
    BASELINE_ROUTE,
    { config: { access: { permission: 'household.read', unit: { query: 'townshipId' } } } },
    async (req) => {
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from households where township_id = ${(req.query as { townshipId: string }).townshipId}`,
      );
      return { households: row?.n ?? 0 };
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
