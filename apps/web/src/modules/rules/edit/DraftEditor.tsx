import {
  CheckCircleFilled,
  DeleteOutlined,
  ExclamationCircleFilled,
  PlusOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Badge, Button, Card, Collapse, Drawer, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { KindTag } from '../tags';
import { countUnder, type EditableRule } from '../validate';
import { AddRuleDrawer } from './AddRuleDrawer';
import { ExpressionHelp } from './ExpressionHelp';
import { RuleFields } from './RuleFields';
import { SetFields } from './SetFields';
import { TryOut } from './TryOut';
import type { DraftEditorState } from './use-draft-editor';

function RuleHeader({ rule, problems }: { rule: EditableRule; problems: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Flex wrap gap={6} align="center" data-testid={`rule-header-${rule.id}`}>
      <Tag style={{ marginInlineEnd: 0, fontWeight: 600 }}>{rule.id}</Tag>
      <KindTag kind={rule.kind} />
      <span style={{ wordBreak: 'break-word' }}>{(lang === 'en' ? rule.name.en : rule.name.zh) || rule.name.zh}</span>
      {rule.enabled ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('rules.rule.disabled')}</Tag>}
      {problems ? (
        <Badge count={t('rules.editor.problemCount', { count: problems })} style={{ backgroundColor: '#ff4d4f' }} />
      ) : null}
    </Flex>
  );
}

/** The body of the draft editor: the set's own fields, the rules one by one, adding a category, 试算, and the save bar. */
export function DraftEditor({ editor }: { editor: DraftEditorState }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { draft, update, errors, problems } = editor;
  const [open, setOpen] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [help, setHelp] = useState(false);
  const errorsOf = (path: string) => errors.get(path) ?? [];
  const pad = { body: { padding: mobile ? 12 : 16 } };

  const items = draft.rules.map((rule, i) => ({
    key: rule.id,
    label: <RuleHeader rule={rule} problems={countUnder(errors, `rules.${i}`)} />,
    children: (
      <>
        <RuleFields
          rule={rule}
          errorsOf={(field) => errorsOf(`rules.${i}.${field}`)}
          onChange={(edit) => update((d) => edit(d.rules[i] as EditableRule))}
        />
        <Popconfirm
          title={t('rules.editor.removeRuleConfirm', { id: rule.id })}
          description={t('rules.editor.removeRuleHelp')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => update((d) => void d.rules.splice(i, 1))}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t('rules.editor.removeRule')}
          </Button>
        </Popconfirm>
      </>
    ),
  }));

  return (
    <Flex vertical gap={16} data-testid="draft-editor">
      <Card title={t('rules.editor.setSection')} styles={pad}>
        <SetFields draft={draft} update={update} note={editor.note} onNote={editor.setNote} errorsOf={errorsOf} />
      </Card>
      <Card
        title={t('rules.editor.rulesSection', { count: draft.rules.length })}
        styles={{ ...pad, header: { flexWrap: 'wrap' } }}
        extra={
          <Flex gap={8} wrap style={{ padding: '6px 0' }}>
            <Button icon={<QuestionCircleOutlined />} onClick={() => setHelp(true)} data-testid="open-help">
              {mobile ? null : t('rules.help.title')}
            </Button>
            <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-rule">
              {t('rules.editor.addRule')}
            </Button>
          </Flex>
        }
      >
        <Collapse activeKey={open} onChange={(keys) => setOpen(keys as string[])} items={items} data-testid="rule-panels" />
      </Card>
      <Collapse
        items={[{ key: 'try', label: t('rules.tryout.title'), children: <TryOut draft={draft} valid={problems.length === 0} /> }]}
        style={{ background: '#fff' }}
        data-testid="tryout-panel"
      />
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        wrap
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          background: '#fff',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          padding: mobile ? '8px 12px' : '10px 16px',
          boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.06)',
        }}
        data-testid="save-bar"
      >
        {problems.length ? (
          <Typography.Text type="danger" data-testid="draft-problems">
            <ExclamationCircleFilled /> {t('rules.editor.problems', { count: problems.length })}
          </Typography.Text>
        ) : (
          <Typography.Text type="success" data-testid="draft-valid">
            <CheckCircleFilled /> {t('rules.editor.valid')}
          </Typography.Text>
        )}
        <Button
          type="primary"
          onClick={editor.submit}
          loading={editor.saving}
          disabled={problems.length > 0}
          data-testid="draft-save"
        >
          {t('rules.editor.save')}
        </Button>
      </Flex>
      {adding ? (
        <AddRuleDrawer
          draft={draft}
          onClose={() => setAdding(false)}
          onAdd={(rule) => {
            update((d) => void d.rules.push(rule));
            setOpen((o) => [...o, rule.id]);
            setAdding(false);
          }}
        />
      ) : null}
      <Drawer open={help} onClose={() => setHelp(false)} title={t('rules.help.title')} size={mobile ? '100%' : 560}>
        <ExpressionHelp />
      </Drawer>
    </Flex>
  );
}
