/**
 * Flags in the registry: compact tags (K1 K3 M) with each rule's name in a tooltip for the list,
 * and the household page's 风险标识 section with every flag's explanation. Names come from the
 * active rule set (one request, kept five minutes) or from the household itself.
 */
import type { RuleKind } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { useActiveRuleSet } from './api';
import { KIND_COLORS, kindOf, sortFlagIds } from './model';
import { KindTag } from './tags';

export interface FlagRule {
  id: string;
  kind: RuleKind;
  name: { zh: string; en: string };
}

export interface FlagRules {
  /** the active set's rules in its order; empty while unknown */
  rules: FlagRule[];
  byId: Map<string, FlagRule>;
}

/** The active rules of the township a unit is in, for naming and filtering flags. */
export function useFlagRules(unitId: string | null): FlagRules {
  const active = useActiveRuleSet(unitId);
  return useMemo(() => {
    const rules = (active.data?.definition.rules ?? []).map((r) => ({ id: r.id, kind: r.kind, name: r.name }));
    return { rules, byId: new Map(rules.map((r) => [r.id, r])) };
  }, [active.data]);
}

/** A kind for an id the active set does not name: M and R by the defaults' convention. */
const guessKind = (id: string): RuleKind => (id === 'M' ? 'marginal' : id === 'R' ? 'return_risk' : 'key');

/** The flags of a list row: K1 K3 M, the name of each in its tooltip. */
export function FlagTags({ ids, rules }: { ids: readonly string[]; rules: FlagRules }) {
  const lang = useLang();
  if (ids.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const order = rules.rules.map((r) => r.id);
  return (
    <Flex wrap gap={4} data-testid="flag-tags">
      {sortFlagIds(ids, order).map((id) => {
        const rule = rules.byId.get(id);
        const tag = (
          <Tag key={id} color={KIND_COLORS[rule?.kind ?? guessKind(id)]} style={{ marginInlineEnd: 0 }} data-flag={id}>
            {id}
          </Tag>
        );
        return rule ? (
          <Tooltip key={id} title={lang === 'en' ? rule.name.en : rule.name.zh}>
            {tag}
          </Tooltip>
        ) : (
          <span key={id}>{tag}</span>
        );
      })}
    </Flex>
  );
}

const ACCENT: Record<RuleKind, string> = { key: '#2f54eb', marginal: '#fa8c16', return_risk: '#d4380d' };
const BACKGROUND: Record<RuleKind, string> = { key: '#f0f5ff', marginal: '#fff7e6', return_risk: '#fff2e8' };

/** 风险标识 of the household page: marginal and return risk first and set apart, then the key categories. */
export function HouseholdFlags({ flags }: { flags: Household['flags'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (flags.length === 0) return <Typography.Text type="secondary">{t('rules.flags.none')}</Typography.Text>;
  const rank = (kind: RuleKind) => (kind === 'key' ? 1 : 0);
  const ordered = [...flags].sort((a, b) => rank(kindOf(a.kind)) - rank(kindOf(b.kind)));
  return (
    <Flex vertical gap={8} data-testid="household-flags">
      {ordered.map((f) => {
        const kind = kindOf(f.kind);
        const strong = kind !== 'key';
        const name = lang === 'en' ? f.name.en : f.name.zh;
        return (
          <div
            key={f.ruleId}
            data-testid={`flag-${f.ruleId}`}
            style={{
              borderInlineStart: `4px solid ${ACCENT[kind]}`,
              background: strong ? BACKGROUND[kind] : '#fafafa',
              borderRadius: 6,
              padding: '8px 12px',
            }}
          >
            <Flex wrap gap={6} align="center">
              <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0, fontWeight: 600 }}>
                {f.ruleId}
              </Tag>
              {strong && name !== t(`rules.kinds.${kind}`) ? <KindTag kind={kind} /> : null}
              <Typography.Text strong>{name}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0 0', wordBreak: 'break-word' }}>
              {lang === 'en' ? f.explanation.en : f.explanation.zh}
            </Typography.Paragraph>
          </div>
        );
      })}
    </Flex>
  );
}
