/** What committing an import would do: new, changed and unchanged households and members. */
import type { ImportCounts } from '../../db/schema/index';
import type { Reads } from './cross-checks';
import { householdDiffers, memberDiffers } from './diff.sql';

export async function previewCounts(
  tx: Reads,
  townshipId: string,
  importId: string,
  rows: { householdRows: number; memberRows: number },
): Promise<ImportCounts> {
  const [h, m] = await Promise.all([
    tx.query<{ new: number; changed: number; unchanged: number }>(
      `select count(*) filter (where h.id is null)::int as new,
            count(*) filter (where h.id is not null and ${householdDiffers('h', 's')})::int as changed,
            count(*) filter (where h.id is not null and not ${householdDiffers('h', 's')})::int as unchanged
     from import_households s
     left join households h on h.township_id = s.township_id and h.id = s.household_id
     where s.township_id = $1 and s.import_id = $2 and s.valid`,
      [townshipId, importId],
    ),
    tx.query<{ new: number; changed: number; unchanged: number }>(
      `select count(*) filter (where x.id is null)::int as new,
            count(*) filter (where x.id is not null and ${memberDiffers('x', 's')})::int as changed,
            count(*) filter (where x.id is not null and not ${memberDiffers('x', 's')})::int as unchanged
     from import_members s
     left join members x on x.township_id = s.township_id and x.id = s.member_id
     where s.township_id = $1 and s.import_id = $2`,
      [townshipId, importId],
    ),
  ]);
  const hc = h.rows[0] ?? { new: 0, changed: 0, unchanged: 0 };
  const mc = m.rows[0] ?? { new: 0, changed: 0, unchanged: 0 };
  return {
    householdRows: rows.householdRows,
    memberRows: rows.memberRows,
    householdsNew: hc.new,
    householdsChanged: hc.changed,
    householdsUnchanged: hc.unchanged,
    membersNew: mc.new,
    membersChanged: mc.changed,
    membersUnchanged: mc.unchanged,
  };
}
