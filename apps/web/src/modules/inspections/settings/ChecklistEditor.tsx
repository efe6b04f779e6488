import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ChecklistItem, type FieldError, hasMessage, translate } from '@fupin/domain';
import { App, Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { type Checklist, useSaveChecklist } from '../api';
import { checkChecklist } from '../checklists';

type Row = ChecklistItem & { key: string };

const keyed = (items: ChecklistItem[]): Row[] => items.map((i) => ({ ...i, key: crypto.randomUUID() }));

/** The rows of one checklist, each checked as it is typed, with the message under the cell. */
export function ChecklistEditor({
  townshipId,
  list,
  isNew,
  onSaved,
}: {
  townshipId: string;
  list: Checklist;
  isNew: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const report = useReportError();
  const save = useSaveChecklist();
  const [rows, setRows] = useState<Row[]>(() =>
    keyed(list.items.length ? list.items : [{ code: '', text: '', evidence: 'photo' }]),
  );
  const [label, setLabel] = useState(isNew ? list.label.zh : '');
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const items = rows.map(({ key: _key, ...item }) => ({ ...item, code: item.code.trim(), text: item.text.trim() }));
  const found = checkChecklist({ townshipId, scope: list.scope, label: isNew ? label : null, items, needsLabel: isNew });
  const text = (e: FieldError | null | undefined) => (e ? (hasMessage(e.key) ? translate(lang, e.key, e.params) : e.key) : null);
  const cellError = (i: number, field: keyof ChecklistItem) =>
    (touched ? text(found.rows[i]?.[field]) : null) ?? text(serverErrors.find((e) => e.path === `items.${i}.${field}`));
  const set = (key: string, patch: Partial<ChecklistItem>) => {
    setServerErrors([]);
    setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  };
  const name = lang === 'en' ? list.label.en : list.label.zh;

  const onSave = () => {
    setTouched(true);
    if (found.count) return void message.error(t('inspections.settings.problems', { count: found.count }));
    save.mutate(
      { target: list.target, body: { townshipId, scope: list.scope, label: isNew ? label.trim() : null, items } },
      {
        onSuccess: () => {
          void message.success(t('inspections.settings.saved', { name: isNew ? label.trim() : name }));
          onSaved();
        },
        onError: (e) => {
          if (e instanceof ApiError) setServerErrors(e.fields.map((f) => ({ path: f.path, key: f.message })));
          report(e);
        },
      },
    );
  };

  const error = (msg: string | null) =>
    msg ? (
      <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="cell-error">
        {msg}
      </Typography.Text>
    ) : null;
  return (
    <Flex vertical gap={8} data-testid={`editor-${list.target}`}>
      {isNew ? (
        <Flex vertical gap={2}>
          <Typography.Text>{t('inspections.settings.kindName')}</Typography.Text>
          <Input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            aria-label={t('inspections.settings.kindName')}
            maxLength={20}
            data-testid="kind-label"
          />
          {error(touched ? text(found.label) : null)}
        </Flex>
      ) : null}
      {rows.map((r, i) => (
        <Flex key={r.key} gap={6} wrap align="flex-start" data-testid="checklist-row">
          <Flex vertical gap={2} style={{ flex: '0 0 96px' }}>
            <Input
              value={r.code}
              onChange={(e) => set(r.key, { code: e.target.value })}
              placeholder={t('inspections.settings.code')}
              aria-label={t('inspections.settings.code')}
              maxLength={12}
              status={cellError(i, 'code') ? 'error' : undefined}
            />
            {error(cellError(i, 'code'))}
          </Flex>
          <Flex vertical gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Input
              value={r.text}
              onChange={(e) => set(r.key, { text: e.target.value })}
              placeholder={t('inspections.settings.text')}
              aria-label={t('inspections.settings.text')}
              maxLength={200}
              status={cellError(i, 'text') ? 'error' : undefined}
            />
            {error(cellError(i, 'text'))}
          </Flex>
          <Select<ChecklistItem['evidence']>
            value={r.evidence}
            onChange={(evidence) => set(r.key, { evidence })}
            aria-label={t('inspections.settings.evidence')}
            options={(['photo', 'document', 'none'] as const).map((v) => ({ value: v, label: t(`inspections.evidence.${v}`) }))}
            style={{ width: 110 }}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('inspections.settings.removeItem')}
            onClick={() => setRows((x) => x.filter((y) => y.key !== r.key))}
          />
        </Flex>
      ))}
      {error(touched ? text(found.list) : null)}
      <Flex gap={8} wrap justify="space-between">
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setRows((x) => [...x, ...keyed([{ code: '', text: '', evidence: 'photo' }])])}
        >
          {t('inspections.settings.addItem')}
        </Button>
        <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="checklist-save">
          {t('inspections.settings.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
