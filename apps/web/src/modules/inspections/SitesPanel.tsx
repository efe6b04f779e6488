import { PlusOutlined } from '@ant-design/icons';
import { siteBody } from '@fupin/domain';
import { App, Button, Flex, Form, Input, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { QueryError } from '../../ui/QueryError';
import { type Checklist, useArchiveSite, useSaveSite, useSites } from './api';

function AddSiteModal({
  villageId,
  kinds,
  onClose,
}: {
  villageId: string;
  kinds: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ kind: string; name: string }>();
  const [id] = useState(newId);
  const save = useSaveSite();
  return (
    <Modal
      open
      title={t('inspections.sites.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          const body = { id, villageId, kind: v.kind, name: v.name.trim() };
          if (!siteBody.safeParse(body).success) return;
          save.mutate(body, {
            onSuccess: (s) => {
              void message.success(t('inspections.sites.added', { name: s.name }));
              onClose();
            },
            onError: (e) => report(e, form),
          });
        }}
      >
        <Form.Item
          name="kind"
          label={t('inspections.sites.kind')}
          rules={[{ required: true, message: t('inspections.sites.kindRequired') }]}
        >
          <Select options={kinds} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('inspections.sites.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 50, message: t('inspections.sites.nameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 场所管理: the village's sites to inspect; one that closes is archived (its record stays). */
export function SitesPanel({
  villages,
  checklists,
  lang,
}: {
  villages: readonly { id: string; name: string }[];
  checklists: Checklist[] | undefined;
  lang: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [chosen, setChosen] = useState<string | null>(null);
  const villageId = chosen ?? villages[0]?.id ?? null;
  const sites = useSites(villageId, true);
  const archive = useArchiveSite();
  const [adding, setAdding] = useState(false);
  const kinds = (checklists ?? [])
    .filter((c) => c.scope === 'site')
    .map((c) => ({ value: c.target, label: lang === 'en' ? c.label.en : c.label.zh }));
  const kindName = (k: string) => kinds.find((x) => x.value === k)?.label ?? k;
  return (
    <Flex vertical gap={12} data-testid="sites-panel">
      <Flex gap={8} wrap justify="space-between">
        {villages.length > 1 ? (
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={villageId ?? undefined}
            onChange={setChosen}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            aria-label={t('inspections.village')}
            style={{ minWidth: 160 }}
          />
        ) : (
          <span />
        )}
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          disabled={!villageId}
          data-testid="site-add"
        >
          {t('inspections.sites.add')}
        </Button>
      </Flex>
      {sites.error ? <QueryError error={sites.error} onRetry={() => void sites.refetch()} /> : null}
      <List
        bordered
        loading={sites.isPending}
        dataSource={sites.data ?? []}
        locale={{ emptyText: t('inspections.sites.empty') }}
        renderItem={(s) => (
          <List.Item
            actions={
              s.archived
                ? []
                : [
                    <Popconfirm
                      key="archive"
                      title={t('inspections.sites.archiveConfirm', { name: s.name })}
                      onConfirm={() =>
                        archive.mutate(s.id, {
                          onSuccess: () => void message.success(t('inspections.sites.archived')),
                          onError: (e) => report(e),
                        })
                      }
                    >
                      <Button type="link" danger size="small">
                        {t('inspections.sites.archive')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <Typography.Text delete={s.archived} style={{ wordBreak: 'break-word' }}>
              {s.name}
            </Typography.Text>{' '}
            <Tag style={{ marginInlineStart: 4 }}>{kindName(s.kind)}</Tag>
            {s.archived ? <Tag>{t('inspections.sites.archived')}</Tag> : null}
          </List.Item>
        )}
      />
      {adding && villageId ? <AddSiteModal villageId={villageId} kinds={kinds} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
