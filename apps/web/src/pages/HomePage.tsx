import { useMe } from '../modules/auth/api';
import { Workbench } from '../modules/home/Workbench';

/** / 工作台 */
export function HomePage() {
  const me = useMe();
  return me.data ? <Workbench me={me.data} /> : null;
}
