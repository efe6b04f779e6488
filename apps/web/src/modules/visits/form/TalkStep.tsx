import { ASSISTANCE_MEASURES, type Flag, POLICIES, type PolicyCode } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Button, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVisitLabels } from '../labels';
import { Block, ObservedItem, YesNo } from './controls';
import type { FormType, PolicyValues } from './model';

function PolicyRow({ code }: { code: PolicyCode }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const p = Form.useWatch(['policies', code], { preserve: true }) as PolicyValues | undefined;
  const missing = Boolean(p?.due && !p.enjoyed);
  return (
    <div
      data-testid={`policy-${code}`}
      style={{ padding: '6px 8px', borderRadius: 6, background: missing ? '#fff2f0' : undefined }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text>{labels.policy(code)}</Typography.Text>
        <Flex gap={4} style={{ flex: 'none' }}>
          <Form.Item name={['policies', code, 'due']} valuePropName="checked" noStyle>
            <Checkbox>{t('visits.form.due')}</Checkbox>
          </Form.Item>
          <Form.Item name={['policies', code, 'enjoyed']} valuePropName="checked" noStyle>
            <Checkbox>{t('visits.form.enjoyed')}</Checkbox>
          </Form.Item>
        </Flex>
      </Flex>
      {missing ? (
        <Flex gap={8} align="center" style={{ marginTop: 6 }}>
          <Form.Item name={['policies', code, 'note']} noStyle>
            <Input size="middle" maxLength={500} placeholder={t('visits.form.policyNote')} />
          </Form.Item>
          <Form.Item name={['policies', code, 'solvedOnSite']} valuePropName="checked" noStyle>
            <Checkbox style={{ flex: 'none' }}>{t('visits.form.solvedOnSite')}</Checkbox>
          </Form.Item>
        </Flex>
      ) : null}
    </div>
  );
}

function Plan({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  return (
    <Form.List
      name="assistancePlan"
      rules={[
        {
          validator: async (_r, plan: unknown[] | undefined) => {
            if (required && !(plan ?? []).length) throw new Error(t('visits.form.planRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" wrap style={{ marginBottom: 8 }}>
              <Form.Item
                name={[field.name, 'measure']}
                rules={[{ required: true, message: t('visits.form.measureRequired') }]}
                style={{ flex: '1 1 130px', marginBottom: 0 }}
              >
                <Select options={labels.options(ASSISTANCE_MEASURES)} placeholder={t('visits.form.measure')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                rules={[{ required: true, whitespace: true, message: t('visits.form.describe') }]}
                style={{ flex: '3 1 180px', marginBottom: 0 }}
              >
                <Input maxLength={300} placeholder={t('visits.form.measureDescription')} data-testid="plan-description" />
              </Form.Item>
              <Button danger onClick={() => remove(field.name)}>
                {t('visits.form.remove')}
              </Button>
            </Flex>
          ))}
          <Button onClick={() => add({ measure: 'industry', description: '' })} data-testid="plan-add">
            {t('visits.form.addMeasure')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** 谈 talk: policies due versus enjoyed, the shock, the risk, the plan, and for 附件2 the proposal. */
export function TalkStep({ h, formType, flags }: { h: Household; formType: FormType; flags: Flag[] }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const affected = Form.useWatch(['shock', 'affected'], { preserve: true }) as boolean | undefined;
  const atRisk = Form.useWatch(['returnRisk', 'atRisk'], { preserve: true }) as boolean | undefined;
  const lowMotivation = Form.useWatch('lowMotivation', { preserve: true }) as boolean | undefined;
  const suggested = flags.filter((f) => f.kind !== 'return_risk').map((f) => `${f.ruleId} ${labels.pick(f.name)}`);
  return (
    <>
      <Block title={t('visits.form.policies')} testId="step-talk">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('visits.form.policyHint')}
        </Typography.Paragraph>
        <Flex vertical gap={2}>
          {POLICIES.codes.map((code) => (
            <PolicyRow key={code} code={code} />
          ))}
        </Flex>
      </Block>
      <Block title={t('visits.form.riskTitle')}>
        <Form.Item name={['shock', 'affected']} label={t('visits.form.shock')}>
          <YesNo />
        </Form.Item>
        {affected ? (
          <>
            <Form.Item name={['shock', 'industryImpact']} label={t('visits.form.industryImpact')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Form.Item name={['shock', 'employmentImpact']} label={t('visits.form.employmentImpact')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name={['returnRisk', 'atRisk']} label={t('visits.form.returnRisk')}>
          <YesNo />
        </Form.Item>
        {atRisk ? (
          <ObservedItem name={['returnRisk', 'note']} field="riskNote" registry={h.riskNote} label={t('visits.form.riskNote')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
          </ObservedItem>
        ) : null}
        <Form.Item name="lowMotivation" label={t('visits.form.lowMotivation')}>
          <YesNo />
        </Form.Item>
        {lowMotivation ? (
          <ObservedItem
            name="lowMotivationNote"
            field="lowMotivationNote"
            registry={h.lowMotivationNote}
            label={t('visits.form.lowMotivationNote')}
            rules={[{ required: true, whitespace: true, message: t('registry.form.noteRequired') }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
          </ObservedItem>
        ) : null}
      </Block>
      {formType === 'registered' ? (
        <Block title={t('visits.form.plan')} testId="plan">
          {h.povertyStatus === 'not_out' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('visits.form.planRequired')}
            </Typography.Paragraph>
          ) : null}
          <Plan required={h.povertyStatus === 'not_out'} />
        </Block>
      ) : (
        <Block title={t('visits.form.propose')} testId="propose">
          <Form.Item name="proposeTags" style={{ marginBottom: 8 }}>
            <Checkbox.Group
              options={[
                { value: 'marginal', label: t('visits.form.proposeMarginal') },
                { value: 'key', label: t('visits.form.proposeKey') },
              ]}
            />
          </Form.Item>
          <Typography.Text type="secondary">
            {suggested.length
              ? t('visits.form.proposeHint', { flags: suggested.join(t('common.listSep')) })
              : t('visits.form.noFlags')}
          </Typography.Text>
        </Block>
      )}
      <Block title={t('visits.form.note')}>
        <Form.Item name="note" style={{ marginBottom: 0 }}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Block>
    </>
  );
}
