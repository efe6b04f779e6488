import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';
import { type Checklist, useChecklists } from '../modules/inspections/api';
import { validKindCode } from '../modules/inspections/checklists';
import { ChecklistEditor } from '../modules/inspections/settings/ChecklistEditor';
import { useWorkPlace } from '../modules/problems/context';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

function AddKindModal({
  taken,
  onAdd,
  onClose,
}: {
  taken: string[];
  onAdd: (code: string, name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string; name: string }>();
  return (
    <Modal
      open
      title={t('inspections.settings.addKind')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="add-kind"
    >
      <Form form={form} layout="vertical" onFinish={(v) => onAdd(v.code.trim(), v.name.trim())}>
        <Form.Item
          name="code"
          label={t('inspections.settings.kindCode')}
          extra={t('inspections.settings.kindCodeHelp')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && validKindCode(v.trim()) && !taken.includes(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('inspections.settings.kindCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={30} data-testid="kind-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('inspections.settings.kindName')}
          extra={t('inspections.settings.kindNameHelp')}
          rules={[{ required: true, whitespace: true, min: 2, max: 20, message: t('inspections.settings.kindNameRequired') }]}
        >
          <Input maxLength={20} data-testid="kind-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /settings/checklists 检查清单 (附件4): the township edits each site kind's and sector's items, and adds kinds. */
export function ChecklistSettingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const mobile = useIsMobile();
  const place = useWorkPlace();
  const lists = useChecklists(place.townshipId);
  const [added, setAdded] = useState<Checklist[]>([]);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  // Each list remounts after its own save (to show what the server kept); the others keep their edits.
  const [saves, setSaves] = useState<Record<string, number>>({});
  const saved = lists.data?.items ?? [];
  const all = [...saved, ...added.filter((a) => !saved.some((s) => s.target === a.target))];
  const name = (c: Checklist) => (lang === 'en' ? c.label.en : c.label.zh);

  if (lists.error) return <QueryError error={lists.error} onRetry={() => void lists.refetch()} />;
  if (!lists.data || !place.townshipId) return <Spin />;
  const townshipId = place.townshipId;
  const panel = (c: Checklist) => {
    const isNew = !saved.some((s) => s.target === c.target);
    return {
      key: c.target,
      label: (
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{name(c)}</Typography.Text>
          <Typography.Text type="secondary">{c.target}</Typography.Text>
          <Tag color={c.custom ? 'blue' : undefined}>
            {c.custom ? t('inspections.settings.custom') : t('inspections.settings.default')}
          </Tag>
          <Typography.Text type="secondary">{t('inspections.settings.items', { count: c.items.length })}</Typography.Text>
        </Flex>
      ),
      children: (
        <ChecklistEditor
          key={`${c.target}-${saves[c.target] ?? 0}`}
          townshipId={townshipId}
          list={c}
          isNew={isNew}
          onSaved={() => {
            setAdded((a) => a.filter((x) => x.target !== c.target));
            setSaves((v) => ({ ...v, [c.target]: (v[c.target] ?? 0) + 1 }));
          }}
        />
      ),
    };
  };
  const group = (scope: 'site' | 'sector') => (
    <Collapse
      activeKey={open}
      onChange={(keys) => setOpen(keys as string[])}
      items={all.filter((c) => c.scope === scope).map(panel)}
      data-testid={`checklists-${scope}`}
    />
  );
  return (
    <>
      <PageHeader
        title={t('inspections.settings.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-kind-open">
            {t('inspections.settings.addKind')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('inspections.settings.intro')}</Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inspections.settings.siteKinds')}
          </Typography.Title>
          {group('site')}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inspections.settings.sectors')}
          </Typography.Title>
          {group('sector')}
        </Flex>
      </Card>
      {adding ? (
        <AddKindModal
          taken={all.map((c) => c.target)}
          onClose={() => setAdding(false)}
          onAdd={(code, label) => {
            setAdded((a) => [...a, { target: code, scope: 'site', label: { zh: label, en: label }, items: [], custom: false }]);
            setOpen((o) => [...o, code]);
            setAdding(false);
          }}
        />
      ) : null}
    </>
  );
}
