import { Button, Card, Col, Collapse, Drawer, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { EXAMPLES } from '../examples';
import { nextRuleId } from '../params';
import { MONO } from '../tags';
import { checkDraft, type EditableDefinition, type EditableRule, problemsByPath } from '../validate';
import { ExpressionHelp } from './ExpressionHelp';
import { RuleFields } from './RuleFields';
import { useCheckedProblems } from './use-draft-editor';

function blankRule(draft: EditableDefinition): EditableRule {
  return {
    id: nextRuleId(draft.rules.map((r) => r.id)),
    kind: 'key',
    name: { zh: '', en: '' },
    params: {},
    when: '',
    explain: { zh: '', en: '' },
    enabled: true,
  };
}

/**
 * 新增类别: a township's own category (the seed's 等等), checked live within the whole draft
 * (a repeated id is a problem too), with examples to start from and the names the language knows.
 */
export function AddRuleDrawer({
  draft,
  onAdd,
  onClose,
}: {
  draft: EditableDefinition;
  onAdd: (rule: EditableRule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const mobile = useIsMobile();
  const [rule, setRule] = useState(() => blankRule(draft));
  const index = draft.rules.length;
  const combined = useMemo(() => ({ ...draft, rules: [...draft.rules, rule] }), [draft, rule]);
  const problems = useCheckedProblems(combined).filter((p) => p.path.startsWith(`rules.${index}.`));
  // An empty field is not called 必填 before the person has tried to add the category.
  const [tried, setTried] = useState(false);
  const errors = problemsByPath(lang, tried ? problems : problems.filter((p) => p.key !== 'issue.required'));
  const add = () => {
    setTried(true);
    // Checked again at once: the last keystroke may be newer than the last check.
    if (!checkDraft(combined).some((p) => p.path.startsWith(`rules.${index}.`))) onAdd(rule);
  };
  const edit = (change: (r: EditableRule) => void) =>
    setRule((r) => {
      const copy = structuredClone(r);
      change(copy);
      return copy;
    });

  return (
    <Drawer
      open
      title={t('rules.add.title')}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={add} data-testid="add-rule-ok">
            {t('rules.add.ok')}
          </Button>
        </Flex>
      }
      data-testid="add-rule-drawer"
    >
      <Typography.Paragraph type="secondary">{t('rules.add.help')}</Typography.Paragraph>
      <Typography.Text strong>{t('rules.add.examples')}</Typography.Text>
      <Row gutter={[8, 8]} style={{ margin: '6px 0 16px' }}>
        {EXAMPLES.map((example) => (
          <Col key={example.key} xs={24} sm={12}>
            <Card
              size="small"
              hoverable
              styles={{ body: { padding: 10 } }}
              onClick={() =>
                edit((r) => {
                  r.kind = example.kind;
                  r.name = { ...example.name };
                  r.params = { ...example.params };
                  r.when = example.when;
                  r.explain = { ...example.explain };
                })
              }
              data-testid={`example-${example.key}`}
            >
              <Typography.Text strong>{lang === 'en' ? example.name.en : example.name.zh}</Typography.Text>
              <div style={{ fontFamily: MONO, fontSize: 12, color: '#595959', wordBreak: 'break-word' }}>{example.when}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <RuleFields rule={rule} isNew errorsOf={(field) => errors.get(`rules.${index}.${field}`) ?? []} onChange={edit} />
      <Collapse
        size="small"
        items={[{ key: 'help', label: t('rules.help.title'), children: <ExpressionHelp /> }]}
        data-testid="add-rule-help"
      />
    </Drawer>
  );
}
