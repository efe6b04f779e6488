/** Gives a township the default rule set of a year, active, with every household's flags computed. */
import { defaultRuleSet } from '@fupin/domain';
import type { Database } from '../../db/client';
import { ruleSets } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { uuidv7 } from '../../lib/ids';
import { recomputeFlags } from './recompute';

export async function installDefaultRules(database: Database, clock: Clock, townshipId: string, year: number) {
  const now = clock.now();
  const [row] = await database.db
    .insert(ruleSets)
    .values({
      townshipId,
      id: uuidv7(now),
      year,
      version: 1,
      status: 'active',
      definition: defaultRuleSet(year),
      note: '默认规则（DOMAIN §3）',
      createdAt: now,
      updatedAt: now,
      activatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return recomputeFlags(database, clock, row, null);
}
