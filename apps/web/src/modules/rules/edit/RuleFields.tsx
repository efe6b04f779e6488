import { RULE_KINDS } from '@fupin/domain';
import { Col, Form, Input, Row, Segmented, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '../tags';
import type { EditableRule } from '../validate';
import { ParamsEditor } from './ParamsEditor';

interface Props {
  rule: EditableRule;
  /** problems of a field of this rule, by its path inside the rule (`when`, `name.zh`, `params.threshold`) */
  errorsOf: (field: string) => readonly string[];
  onChange: (edit: (rule: EditableRule) => void) => void;
  /** a new category: its id and kind may still be chosen */
  isNew?: boolean;
}

/** A field with its problems under it (in red), else its help. */
export function Field({
  label,
  errors,
  help,
  children,
  testId,
}: {
  label: ReactNode;
  errors: readonly string[];
  help?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Form.Item
      label={label}
      validateStatus={errors.length ? 'error' : undefined}
      help={errors.length ? <span data-testid={testId ? `${testId}-error` : undefined}>{errors.join('；')}</span> : help}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}

const mono = { fontFamily: MONO, fontSize: 13 } as const;

/** Every field of one rule: names, parameters, the condition and the explanation templates. */
export function RuleFields({ rule, errorsOf, onChange, isNew = false }: Props) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" component={false}>
      <Row gutter={12}>
        {isNew ? (
          <>
            <Col xs={24} sm={8}>
              <Field label={t('rules.rule.id')} errors={errorsOf('id')} help={t('rules.add.idHelp')} testId="rule-id">
                <Input
                  value={rule.id}
                  onChange={(e) =>
                    onChange((r) => {
                      r.id = e.target.value.trim();
                    })
                  }
                  maxLength={20}
                  style={mono}
                  data-testid="rule-id"
                />
              </Field>
            </Col>
            <Col xs={24} sm={16}>
              <Field label={t('rules.rule.kind')} errors={errorsOf('kind')}>
                <Segmented
                  value={rule.kind}
                  onChange={(kind) =>
                    onChange((r) => {
                      r.kind = kind;
                    })
                  }
                  options={RULE_KINDS.map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))}
                />
              </Field>
            </Col>
          </>
        ) : null}
        <Col xs={24} md={12}>
          <Field label={t('rules.rule.nameZh')} errors={errorsOf('name.zh')} testId="rule-name-zh">
            <Input
              value={rule.name.zh}
              onChange={(e) =>
                onChange((r) => {
                  r.name.zh = e.target.value;
                })
              }
              maxLength={60}
              data-testid="rule-name-zh"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t('rules.rule.nameEn')} errors={errorsOf('name.en')} help={t('rules.editor.englishHelp')}>
            <Input
              value={rule.name.en}
              onChange={(e) =>
                onChange((r) => {
                  r.name.en = e.target.value;
                })
              }
              maxLength={100}
              data-testid="rule-name-en"
            />
          </Field>
        </Col>
      </Row>
      {isNew ? null : (
        <Field label={t('rules.rule.enabled')} errors={errorsOf('enabled')}>
          <Switch
            checked={rule.enabled}
            onChange={(on) =>
              onChange((r) => {
                r.enabled = on;
              })
            }
            checkedChildren={t('common.yes')}
            unCheckedChildren={t('common.no')}
            data-testid="rule-enabled"
          />
        </Field>
      )}
      <Field label={t('rules.rule.params')} errors={errorsOf('params')} help={t('rules.params.help')}>
        <ParamsEditor
          rule={rule}
          onChange={(params) =>
            onChange((r) => {
              r.params = params;
            })
          }
          errorsOf={(name) => errorsOf(`params.${name}`)}
        />
      </Field>
      <Field label={t('rules.rule.when')} errors={errorsOf('when')} testId="rule-when">
        <Input.TextArea
          value={rule.when}
          onChange={(e) =>
            onChange((r) => {
              r.when = e.target.value;
            })
          }
          autoSize={{ minRows: 1, maxRows: 8 }}
          maxLength={2000}
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          placeholder={t('rules.editor.whenPlaceholder')}
          style={mono}
          data-testid="rule-when"
        />
      </Field>
      <Field
        label={t('rules.rule.explainZh')}
        errors={errorsOf('explain.zh')}
        help={t('rules.editor.explainHelp')}
        testId="rule-explain-zh"
      >
        <Input.TextArea
          value={rule.explain.zh}
          onChange={(e) =>
            onChange((r) => {
              r.explain.zh = e.target.value;
            })
          }
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={300}
          spellCheck={false}
          data-testid="rule-explain-zh"
        />
      </Field>
      <Field label={t('rules.rule.explainEn')} errors={errorsOf('explain.en')} help={t('rules.editor.englishHelp')}>
        <Input.TextArea
          value={rule.explain.en}
          onChange={(e) =>
            onChange((r) => {
              r.explain.en = e.target.value;
            })
          }
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={300}
          spellCheck={false}
          data-testid="rule-explain-en"
        />
      </Field>
    </Form>
  );
}
