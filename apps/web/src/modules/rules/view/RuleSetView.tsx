import { LABOUR_CAPACITIES, type RuleDefinition, type RuleSetDefinition } from '@fupin/domain';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { codeLabel, formatYuan } from '../../registry/vocab';
import { formatParam } from '../params';
import { KindTag, MONO } from '../tags';

export const codeBlock = {
  fontFamily: MONO,
  fontSize: 13,
  background: '#f6f8fa',
  border: '1px solid #eaecef',
  borderRadius: 6,
  padding: '6px 10px',
  margin: 0,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
} as const;

/** 收入线, 年龄计算日 and the labour weights of a set. */
export function SetSummary({ definition }: { definition: RuleSetDefinition }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mobile = useIsMobile();
  const enabled = definition.rules.filter((r) => r.enabled).length;
  return (
    <Descriptions
      size="small"
      bordered
      column={mobile ? 1 : 2}
      styles={{ label: { width: mobile ? 120 : 170 } }}
      data-testid="rule-set-summary"
      items={[
        { key: 'line', label: t('rules.summary.incomeLine'), children: formatYuan(definition.incomeLine, lang) },
        { key: 'date', label: t('rules.summary.referenceDate'), children: definition.referenceDate },
        {
          key: 'weights',
          label: t('rules.summary.labourWeights'),
          span: mobile ? 1 : 2,
          children: (
            <Flex wrap gap={6}>
              {LABOUR_CAPACITIES.codes.map((code) => (
                <Tag key={code} style={{ marginInlineEnd: 0 }}>
                  {codeLabel(LABOUR_CAPACITIES, code, lang)} {definition.labourWeights[code] ?? 0}
                </Tag>
              ))}
            </Flex>
          ),
        },
        {
          key: 'rules',
          label: t('rules.summary.rules'),
          span: mobile ? 1 : 2,
          children: t('rules.summary.ruleCount', { count: definition.rules.length, enabled }),
        },
      ]}
    />
  );
}

/** One rule, read-only: id, kind, names, parameters, the condition and the explanation templates. */
export function RuleCard({ rule }: { rule: RuleDefinition }) {
  const { t } = useTranslation();
  const lang = useLang();
  const params = Object.entries(rule.params);
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      style={{ height: '100%', opacity: rule.enabled ? 1 : 0.6 }}
      styles={{ body: { padding: 12 } }}
      data-testid={`rule-card-${rule.id}`}
      title={
        <Flex wrap gap={6} align="center" style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Tag style={{ marginInlineEnd: 0, fontWeight: 600 }}>{rule.id}</Tag>
          <KindTag kind={rule.kind} />
          <span style={{ wordBreak: 'break-word' }}>{lang === 'en' ? rule.name.en : rule.name.zh}</span>
          {rule.enabled ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('rules.rule.disabled')}</Tag>}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {rule.name.en !== rule.name.zh ? (
          <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
            {lang === 'en' ? rule.name.zh : rule.name.en}
          </Typography.Text>
        ) : null}
        <div>
          {label(t('rules.rule.params'))}
          <Flex wrap gap={6} style={{ marginTop: 2 }}>
            {params.length === 0 ? <Typography.Text type="secondary">{t('rules.rule.noParams')}</Typography.Text> : null}
            {params.map(([name, value]) => (
              <Tag key={name} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                <span style={{ fontFamily: MONO }}>{name}</span> ={' '}
                {formatParam(rule, name, value, lang, [t('common.yes'), t('common.no')])}
              </Tag>
            ))}
          </Flex>
        </div>
        <div>
          {label(t('rules.rule.when'))}
          <pre style={{ ...codeBlock, marginTop: 2 }} data-testid="rule-when">
            {rule.when}
          </pre>
        </div>
        <div>
          {label(t('rules.rule.explain'))}
          <Typography.Paragraph style={{ margin: '2px 0 0', wordBreak: 'break-word' }}>
            {lang === 'en' ? rule.explain.en : rule.explain.zh}
          </Typography.Paragraph>
          {rule.explain.en !== rule.explain.zh ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0, wordBreak: 'break-word' }}>
              {lang === 'en' ? rule.explain.zh : rule.explain.en}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
    </Card>
  );
}

/** A whole set, read-only: the summary, then a card per rule (two columns on a desk). */
export function RuleSetView({ definition }: { definition: RuleSetDefinition }) {
  return (
    <Flex vertical gap={16}>
      <SetSummary definition={definition} />
      <Row gutter={[12, 12]} data-testid="rule-cards">
        {definition.rules.map((rule) => (
          <Col key={rule.id} xs={24} xl={12}>
            <RuleCard rule={rule} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
