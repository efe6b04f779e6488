/** Small tags of the rules pages: a version's status, a rule's kind. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { KIND_COLORS, kindOf, type RuleSetStatus, STATUS_COLORS } from './model';

export function StatusTag({ status }: { status: RuleSetStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="rule-set-status">
      {t(`rules.statuses.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const k = kindOf(kind);
  return (
    <Tag color={KIND_COLORS[k]} style={{ marginInlineEnd: 0 }}>
      {t(`rules.kinds.${k}`)}
    </Tag>
  );
}

/** Conditions and parameters in a fixed-width font, with Chinese fonts behind it for quoted text. */
export const MONO =
  'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", monospace';
