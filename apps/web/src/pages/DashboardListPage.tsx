import type { DrillList } from '../modules/dashboard/drill';
import { DrillView } from '../modules/dashboard/lists/DrillView';

/** /dashboard/visits, /dashboard/problems, /dashboard/summaries: the rows behind a dashboard figure. */
export function DashboardListPage({ list }: { list: DrillList }) {
  return <DrillView key={list} list={list} />;
}
