import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { childKindOf } from '@fupin/domain';
import type { Unit } from '@fupin/domain/schemas/org';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../api/use-report-error';
import { useDomainLabels } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { useDeleteUnit } from './api';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal';
import { WorkUnitsCard } from './WorkUnitsCard';

interface Props {
  unit: Unit;
  parent: Unit | null;
  childCount: number;
  canManage: boolean;
  onSelect: (id: string | null) => void;
}

/**
 * One unit's details, with edit, add-child and delete for those who manage it; a township's
 * also with its 派出单位 (the units that send its assistance cadres).
 */
export function UnitDetail({ unit, parent, childCount, canManage, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  const remove = useDeleteUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const childKind = childKindOf(unit.kind);

  const onDelete = () =>
    remove.mutate(unit.id, {
      onSuccess: () => {
        void message.success(t('common.deleted'));
        onSelect(parent?.id ?? null);
      },
      onError: (err) => report(err),
    });

  const actions = canManage ? (
    <Flex gap={8} wrap>
      <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', unit })} data-testid="unit-edit">
        {t('common.edit')}
      </Button>
      {childKind ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setForm({ mode: 'create', parent: unit, kind: childKind })}
          data-testid="unit-add-child"
        >
          {t('units.addChild')}
        </Button>
      ) : null}
      <Popconfirm
        title={t('units.deleteConfirm', { name: unit.name })}
        description={t('units.deleteHint')}
        onConfirm={onDelete}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
      >
        <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Flex>
  ) : null;

  return (
    <Flex vertical gap={16}>
      <Card title={unit.name} data-testid="unit-detail">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'kind', label: t('units.kind'), children: labels.kind(unit.kind) },
            { key: 'name', label: t('units.name'), children: unit.name },
            { key: 'code', label: t('units.code'), children: unit.code ?? t('common.none') },
            { key: 'sort', label: t('units.sortOrder'), children: unit.sortOrder },
            { key: 'parent', label: t('units.parent'), children: parent?.name ?? t('common.none') },
            { key: 'children', label: t('units.children'), children: childCount },
            { key: 'updated', label: t('units.updatedAt'), children: formatDateTime(unit.updatedAt) },
          ]}
        />
        <div style={{ marginTop: 16 }}>{actions ?? <Alert type="info" showIcon title={t('units.readOnly')} />}</div>
        {form ? (
          <UnitFormModal
            target={form}
            onClose={() => setForm(null)}
            onSaved={(saved) => {
              setForm(null);
              onSelect(saved.id);
            }}
          />
        ) : null}
      </Card>
      {unit.kind === 'township' ? <WorkUnitsCard township={unit} canManage={canManage} /> : null}
    </Flex>
  );
}
