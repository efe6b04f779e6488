import { POVERTY_STATUS } from '@fupin/domain';
import type { Unit } from '@fupin/domain/schemas/org';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Segmented, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitPermission } from '../../org/access';
import { useUnits } from '../../org/api';
import { compareUnits } from '../../org/tree';
import { UnitTreeSelect } from '../../org/UnitTreeSelect';
import type { TagOption } from '../api';
import type { HouseholdValues } from '../form-values';
import { useRegistryLabels } from '../labels';
import { col } from './controls';

/** 基本信息: village and group, number, address, phone, poverty status and exit year, tags. */
export function BasicFields({ form, tags }: { form: FormInstance<HouseholdValues>; tags: readonly TagOption[] }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const units = useUnits();
  const may = useUnitPermission();
  const villageId = Form.useWatch('villageId', form);
  const status = Form.useWatch('povertyStatus', form);
  const groups = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'group' && u.parentId === villageId).sort(compareUnits),
    [units.data, villageId],
  );
  // Only villages the person may manage can hold the household.
  const notAVillage = useCallback((u: Unit) => u.kind !== 'village' || !may('household.manage', u), [may]);
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name="villageId" label={labels.field('villageId')} rules={required}>
          <UnitTreeSelect
            allowClear={false}
            isDisabled={notAVillage}
            placeholder={labels.field('villageId')}
            onChange={() => form.setFieldValue('groupId', null)}
            data-testid="form-village"
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="groupId" label={labels.field('groupId')}>
          <Select<string>
            allowClear
            disabled={!villageId}
            placeholder={villageId ? labels.field('groupId') : t('registry.form.villageFirst')}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="householdNumber" label={labels.field('householdNumber')}>
          <Input maxLength={40} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={16}>
        <Form.Item name="address" label={labels.field('address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="phone" label={t('registry.form.phone')}>
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={16}>
        <Form.Item name="povertyStatus" label={labels.field('povertyStatus')}>
          <Segmented
            options={labels.options(POVERTY_STATUS)}
            onChange={(v) => {
              if (v !== 'exited') form.setFields([{ name: 'exitYear', value: null, errors: [] }]);
            }}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="exitYear" label={labels.field('exitYear')} extra={t('registry.form.exitYearHelp')}>
          <InputNumber min={2013} max={2100} precision={0} disabled={status !== 'exited'} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="tags" label={labels.field('tags')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            options={tags.map((tag) => ({ value: tag.code, label: labels.tag(tag.code, tags) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
