import { ASSISTANCE_MEASURES } from '@fupin/domain';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistryLabels } from '../labels';

/** 帮扶与风险: projects, measures, and the cadre-recorded risks (K8 flags, K9 note). */
export function AssistanceFields() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="industryProjects" label={labels.field('industryProjects')}>
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            placeholder={t('registry.assistance.projectsPlaceholder')}
            maxCount={10}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="assistanceMeasures" label={labels.field('assistanceMeasures')}>
          <Select mode="multiple" allowClear options={labels.options(ASSISTANCE_MEASURES)} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name="industryFailed" label={labels.field('industryFailed')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name="employmentUnstable" label={labels.field('employmentUnstable')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="lowMotivationNote" label={labels.field('lowMotivationNote')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="riskNote" label={labels.field('riskNote')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
