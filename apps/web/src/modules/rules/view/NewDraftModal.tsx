import type { RuleSetDefinition } from '@fupin/domain';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { fetchDefaultRuleSet, useCreateRuleSet } from '../api';
import { copyForYear, draftYears } from '../model';

export type DraftSource = { kind: 'copy'; definition: RuleSetDefinition } | { kind: 'default'; year: number };

interface Values {
  year: number;
  note: string;
}

/**
 * 以此为基础新建草稿 / 从默认规则新建: the year (the same or the next) and a note; the draft is
 * saved at once and opens in the editor.
 */
export function NewDraftModal({ source, townshipId, onClose }: { source: DraftSource; townshipId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useReportError();
  const create = useCreateRuleSet();
  const [form] = Form.useForm<Values>();
  // One id per opening: pressing OK again after a lost answer does not make two drafts.
  const [id] = useState(newId);
  const [fetching, setFetching] = useState(false);
  const baseYear = source.kind === 'copy' ? source.definition.year : source.year;

  const onFinish = async (v: Values) => {
    let definition: RuleSetDefinition;
    if (source.kind === 'copy') definition = copyForYear(source.definition, v.year);
    else {
      setFetching(true);
      try {
        definition = await fetchDefaultRuleSet(v.year);
      } catch (err) {
        report(err);
        return;
      } finally {
        setFetching(false);
      }
    }
    create.mutate(
      { id, townshipId, definition, note: v.note.trim() || null },
      {
        onSuccess: (set) => {
          void message.success(t('rules.create.created'));
          void navigate(`/rules/${set.id}/edit`);
        },
        onError: (err) => report(err, form),
      },
    );
  };

  return (
    <Modal
      open
      title={source.kind === 'copy' ? t('rules.create.title') : t('rules.create.titleDefault')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={fetching || create.isPending}
      destroyOnHidden
      data-testid="new-draft-modal"
    >
      <Typography.Paragraph type="secondary">{t('rules.create.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="new-draft"
        initialValues={{ year: baseYear, note: '' }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="year" label={t('rules.create.year')} rules={[{ required: true, message: t('common.required') }]}>
          <Select<number>
            data-testid="new-draft-year"
            options={draftYears(baseYear).map((year, i) => ({
              value: year,
              label: i === 0 ? t('rules.create.sameYear', { year }) : t('rules.create.nextYear', { year }),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={`${t('rules.create.note')}（${t('common.optional')}）`}>
          <Input maxLength={500} placeholder={t('rules.create.notePlaceholder')} data-testid="new-draft-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
