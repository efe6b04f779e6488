import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { codeOptions } from '../../registry/vocab';
import { fromPercent, initialValue, listVocabulary, type ParamType, type ParamValue, paramType, toPercent } from '../params';
import { MONO } from '../tags';
import type { EditableRule } from '../validate';

const NEW_TYPES: Exclude<ParamType, 'percent'>[] = ['number', 'text', 'list', 'boolean'];
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;

interface Props {
  rule: EditableRule;
  onChange: (params: EditableRule['params']) => void;
  /** the problems of one parameter, by its name */
  errorsOf: (name: string) => readonly string[];
}

/** One parameter's input: a percentage, a number, yes/no, text, codes with Chinese labels, or free tags. */
function ParamInput({
  rule,
  name,
  value,
  onChange,
}: {
  rule: EditableRule;
  name: string;
  value: ParamValue | null;
  onChange: (v: ParamValue | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const testId = `param-${name}`;
  switch (paramType(rule, name, value)) {
    case 'percent':
      return (
        <InputNumber<number>
          value={typeof value === 'number' ? toPercent(value) : null}
          onChange={(p) => onChange(p === null ? null : fromPercent(p))}
          min={0}
          max={100}
          suffix="%"
          title={t('rules.editor.percent')}
          style={{ width: 140 }}
          data-testid={testId}
        />
      );
    case 'number':
      return (
        <InputNumber<number>
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange(n)}
          style={{ width: 140 }}
          data-testid={testId}
        />
      );
    case 'boolean':
      return (
        <Switch
          checked={value === true}
          onChange={onChange}
          checkedChildren={t('common.yes')}
          unCheckedChildren={t('common.no')}
          data-testid={testId}
        />
      );
    case 'text':
      return <Input value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} maxLength={60} data-testid={testId} />;
    default: {
      const list = Array.isArray(value) ? value : [];
      const vocabulary = listVocabulary(rule, name, list);
      return (
        <Select<string[]>
          mode={vocabulary ? 'multiple' : 'tags'}
          value={list}
          onChange={(v) => onChange(v)}
          options={vocabulary ? codeOptions(vocabulary, lang) : []}
          placeholder={t('rules.params.listPlaceholder')}
          tokenSeparators={vocabulary ? undefined : [',', '，']}
          style={{ width: '100%', minWidth: 0 }}
          data-testid={testId}
        />
      );
    }
  }
}

/** The parameters of a rule, each with a typed input; a new one by name and type. */
export function ParamsEditor({ rule, onChange, errorsOf }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<(typeof NEW_TYPES)[number]>('number');
  const entries = Object.entries(rule.params);
  const trimmed = name.trim();
  const nameError = !trimmed
    ? null
    : !PARAM_NAME.test(trimmed)
      ? t('rules.params.nameBad')
      : trimmed in rule.params
        ? t('rules.params.nameTaken')
        : null;
  const add = () => {
    if (!trimmed || nameError) return;
    onChange({ ...rule.params, [trimmed]: initialValue(type) });
    setName('');
  };
  return (
    <Flex vertical gap={8} data-testid="params-editor">
      {entries.length === 0 ? <Typography.Text type="secondary">{t('rules.rule.noParams')}</Typography.Text> : null}
      {entries.map(([key, value]) => {
        const errors = errorsOf(key);
        return (
          <div key={key}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text style={{ fontFamily: MONO, minWidth: 90 }}>{key}</Typography.Text>
              <div style={{ flex: '1 1 160px', minWidth: 0 }}>
                <ParamInput rule={rule} name={key} value={value} onChange={(v) => onChange({ ...rule.params, [key]: v })} />
              </div>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('rules.params.remove')}
                title={t('rules.params.remove')}
                onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}
              />
            </Flex>
            {errors.length ? (
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {errors.join('；')}
              </Typography.Text>
            ) : null}
          </div>
        );
      })}
      <Flex gap={8} wrap align="flex-start">
        <div style={{ flex: '1 1 140px', minWidth: 0 }}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={add}
            placeholder={t('rules.params.namePlaceholder')}
            aria-label={t('rules.params.name')}
            status={nameError ? 'error' : undefined}
            style={{ fontFamily: MONO }}
            data-testid="param-new-name"
          />
          {nameError ? (
            <Typography.Text type="danger" style={{ fontSize: 13 }}>
              {nameError}
            </Typography.Text>
          ) : null}
        </div>
        <Select
          value={type}
          onChange={setType}
          aria-label={t('rules.params.type')}
          options={NEW_TYPES.map((v) => ({ value: v, label: t(`rules.params.types.${v}`) }))}
          style={{ width: 110 }}
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!trimmed || nameError !== null} data-testid="param-add">
          {t('rules.params.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
