/** Human labels of the audit log's codes, falling back to the raw code for anything new. */
import { hasMessage, translate } from '@fupin/domain';
import { useDynamicLabel, useLang } from '../../i18n';

export const ENTITY_TYPES = ['unit', 'user', 'role_assignment', 'session', 'township'] as const;
export const ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'lock',
  'logout',
  'change_password',
  'reset_password',
  'unlock',
  'disable',
  'revoke_sessions',
  'revoke_session',
  'seed_demo',
] as const;

export function useAuditLabels() {
  const label = useDynamicLabel();
  const lang = useLang();
  return {
    entityType: (code: string) => label(`audit.entityTypes.${code}`, code),
    action: (code: string) => label(`audit.actions.${code}`, code),
    /** a field of before/after: the audit's own names first, then the shared field catalogue */
    field: (name: string) => label(`audit.fields.${name}`, hasMessage(`field.${name}`) ? translate(lang, `field.${name}`) : name),
  };
}

/** The colour of an action's tag: red for what removes or refuses, green for what creates. */
export function actionColor(action: string): string {
  if (['delete', 'disable', 'lock', 'login_failed', 'revoke_sessions', 'revoke_session'].includes(action)) return 'red';
  if (['create', 'seed_demo'].includes(action)) return 'green';
  if (['login', 'logout'].includes(action)) return 'default';
  return 'blue';
}
