import { HOUSING_GRADES, HOUSING_STRUCTURES } from '@fupin/domain';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistryLabels } from '../labels';
import { col, TriState } from './controls';

const WATER = ['waterQuantityOk', 'waterQualityOk', 'waterConvenienceOk', 'waterReliabilityOk'] as const;

/** 住房饮水: structure, another safe house, safety grade (C and D are 危房), hazard point, four water indicators. */
export function HousingFields() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name="housingStructure" label={labels.field('housingStructure')}>
          <Select allowClear options={labels.options(HOUSING_STRUCTURES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="housingGrade" label={labels.field('housingGrade')}>
          <Select allowClear options={labels.options(HOUSING_GRADES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="otherSafeHouse" label={labels.field('otherSafeHouse')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="hazardPoint" label={labels.field('hazardPoint')}>
          <Input maxLength={100} placeholder={t('registry.housing.noHazard')} />
        </Form.Item>
      </Col>
      {WATER.map((key) => (
        <Col xs={24} sm={12} key={key}>
          <Form.Item name={key} label={labels.field(key)}>
            <TriState />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
