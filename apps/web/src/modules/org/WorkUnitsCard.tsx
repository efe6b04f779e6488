import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Unit, WorkUnit } from '@fupin/domain/schemas/org';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { QueryError } from '../../ui/QueryError';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useDeleteWorkUnit, useWorkUnits } from './api';
import { WorkUnitFormModal, type WorkUnitFormTarget } from './WorkUnitFormModal';

/** A phone number one tap dials. */
function Phone({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  return phone ? <a href={`tel:${phone}`}>{phone}</a> : <span>{t('common.none')}</span>;
}

/**
 * 派出单位 of a township: the units that send its assistance cadres, with their heads, who answer
 * for those cadres (DOMAIN §7). Add, edit and delete for those who manage the township; on a
 * phone one stacked column per unit instead of six side by side.
 */
export function WorkUnitsCard({ township, canManage }: { township: Unit; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useWorkUnits(township.id);
  const mobile = useIsMobile();
  const [form, setForm] = useState<WorkUnitFormTarget | null>(null);
  const remove = useDeleteWorkUnit();
  const report = useReportError();
  const { message } = App.useApp();

  const onDelete = (w: WorkUnit) =>
    remove.mutate(w.id, {
      onSuccess: () => void message.success(t('common.deleted')),
      onError: (err) => report(err),
    });

  const actions = (w: WorkUnit) => (
    <Flex gap={4} wrap={false}>
      <Button
        size={mobile ? 'middle' : 'small'}
        type="text"
        icon={<EditOutlined />}
        aria-label={`${t('common.edit')} ${w.name}`}
        onClick={() => setForm({ mode: 'edit', workUnit: w })}
      />
      <Popconfirm
        title={t('workUnits.deleteConfirm', { name: w.name })}
        description={t('workUnits.deleteHint')}
        onConfirm={() => onDelete(w)}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
      >
        <Button
          size={mobile ? 'middle' : 'small'}
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t('common.delete')} ${w.name}`}
        />
      </Popconfirm>
    </Flex>
  );
  const actionColumn: TableColumnsType<WorkUnit> = canManage
    ? [{ title: t('common.actions'), key: 'actions', width: mobile ? 88 : 80, render: (_, w) => actions(w) }]
    : [];

  const stacked: TableColumnsType<WorkUnit> = [
    {
      title: t('workUnits.name'),
      key: 'unit',
      render: (_, w) => (
        <Flex vertical gap={2} align="flex-start" data-testid="work-unit-row">
          <Typography.Text strong>{w.name}</Typography.Text>
          <Typography.Text type="secondary">
            {w.headName ? (
              <>
                {t('workUnits.headName')} {w.headName}
                {w.headTitle ? `（${w.headTitle}）` : null}
              </>
            ) : (
              t('workUnits.noHead')
            )}
          </Typography.Text>
          {w.headPhone ? <Phone phone={w.headPhone} /> : null}
          <Typography.Text type="secondary" data-testid="work-unit-cadres">
            {t('workUnits.cadres', { count: w.cadreCount })}
          </Typography.Text>
        </Flex>
      ),
    },
    ...actionColumn,
  ];
  const columns: TableColumnsType<WorkUnit> = [
    { title: t('workUnits.name'), dataIndex: 'name' },
    { title: t('workUnits.headName'), dataIndex: 'headName', render: (v: string | null) => v ?? t('common.none') },
    { title: t('workUnits.headTitle'), dataIndex: 'headTitle', render: (v: string | null) => v ?? t('common.none') },
    { title: t('workUnits.headPhone'), dataIndex: 'headPhone', render: (v: string | null) => <Phone phone={v} /> },
    {
      title: t('workUnits.cadreCount'),
      dataIndex: 'cadreCount',
      align: 'right',
      render: (n: number) => <span data-testid="work-unit-cadres">{n}</span>,
    },
    ...actionColumn,
  ];

  return (
    <Card
      title={t('workUnits.title')}
      extra={
        canManage ? (
          <Button icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', township })} data-testid="work-unit-add">
            {mobile ? t('workUnits.addShort') : t('workUnits.add')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: mobile ? 12 : 16 } }}
      data-testid="work-units"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('workUnits.hint')}
      </Typography.Paragraph>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<WorkUnit>
          rowKey="id"
          size="small"
          columns={mobile ? stacked : columns}
          dataSource={list.data ?? []}
          loading={list.isPending}
          pagination={false}
          tableLayout={mobile ? 'fixed' : undefined}
          scroll={mobile ? undefined : { x: 'max-content' }}
          locale={{ emptyText: t('workUnits.empty') }}
        />
      )}
      {canManage ? null : <Alert type="info" showIcon title={t('workUnits.readOnly')} style={{ marginTop: 12 }} />}
      {form ? <WorkUnitFormModal target={form} onClose={() => setForm(null)} /> : null}
    </Card>
  );
}
