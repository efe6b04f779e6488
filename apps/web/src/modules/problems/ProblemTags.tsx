import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from './api';
import { STATUS_COLORS, useProblemLabels } from './labels';

/** A problem's status, red 逾期 when past its deadline, and 镇级 once it went up to the township. */
export function ProblemTags({ p, showLevel = true }: { p: Pick<Problem, 'status' | 'overdue' | 'level'>; showLevel?: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  return (
    <Flex gap={4} wrap data-testid="problem-tags">
      <Tag color={STATUS_COLORS[p.status]} style={{ marginInlineEnd: 0 }} data-status={p.status}>
        {labels.status(p.status)}
      </Tag>
      {p.overdue ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="overdue-tag">
          {t('problems.overdue')}
        </Tag>
      ) : null}
      {showLevel && p.level === 'township' ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="level-tag">
          {t('problems.levelTownship')}
        </Tag>
      ) : null}
    </Flex>
  );
}
