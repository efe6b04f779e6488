/** The village inspection summary (附件5) computed from the village's sites, self-checks and problems. */
import { type InspectionSummary, type ProblemStatus, summarizeInspections } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { type Db, selectRows, type Tx } from '../../db/client';
import type { CampaignRow } from '../campaigns/repository';

export async function computeInspectionSummary(
  db: Db | Tx,
  campaign: CampaignRow,
  villageId: string,
): Promise<InspectionSummary> {
  const t = campaign.townshipId;
  const sites = await selectRows<{ id: string }>(
    db,
    sql`select id from sites where township_id = ${t} and village_id = ${villageId} and archived_at is null`,
  );
  const checks = await selectRows<{ site_id: string | null; items: number; failed: number }>(
    db,
    sql`select site_id, jsonb_array_length(results->'items')::int as items,
          (select count(*) from jsonb_array_elements(results->'items') i where (i->>'ok')::boolean = false)::int as failed
        from inspections where township_id = ${t} and campaign_id = ${campaign.id} and village_id = ${villageId} and kind = 'village_self'`,
  );
  const problems = await selectRows<{ source: string; category: string; status: ProblemStatus; level: 'village' | 'township' }>(
    db,
    sql`select source, category, status, level from problems
        where township_id = ${t} and campaign_id = ${campaign.id} and village_id = ${villageId} and source <> 'visit'`,
  );
  return summarizeInspections({
    sites,
    selfChecks: checks.map((c) => ({ siteId: c.site_id, items: c.items, failed: c.failed })),
    problems,
  });
}
