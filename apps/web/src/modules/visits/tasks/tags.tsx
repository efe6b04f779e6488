import type { Household } from '@fupin/domain/schemas/households';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { KIND_COLORS, kindOf } from '../../rules/model';
import type { Task, TaskState } from '../api';

const TYPE_COLORS: Record<string, string> = { not_out: 'red', exited: 'green', marginal: 'orange', key: 'gold' };
export const STATE_COLORS: Record<TaskState, string> = {
  due: 'processing',
  done: 'success',
  late: 'warning',
  missing: 'error',
  upcoming: 'default',
};

/** 未脱贫 / 已脱贫 / 边缘户 / 重点户 */
export function TypeTag({ type }: { type: Task['type'] }) {
  const { t } = useTranslation();
  if (!type) return null;
  return <Tag color={TYPE_COLORS[type]}>{t(`visits.types.${type}`)}</Tag>;
}

export function StateTag({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`visits.states.${state}`)}</Tag>;
}

/** K1 K4 R, each naming its rule and explanation in a tooltip. */
export function FlagIds({ flags }: { flags: Household['flags'] }) {
  const lang = useLang();
  if (!flags.length) return null;
  return (
    <Flex gap={4} wrap data-testid="task-flags">
      {flags.map((f) => (
        <Tooltip key={f.ruleId} title={lang === 'en' ? `${f.name.en}: ${f.explanation.en}` : `${f.name.zh}：${f.explanation.zh}`}>
          <Tag color={KIND_COLORS[kindOf(f.kind)]} style={{ marginInlineEnd: 0 }}>
            {f.ruleId}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
