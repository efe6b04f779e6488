import type { Household } from '@fupin/domain/schemas/households';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../api/client';
import { useVisitLabels } from '../labels';
import { Block, YesNo } from './controls';
import { KnownMember, NewMember } from './MemberPanel';
import { type FormType, type MemberRow, newMemberRow } from './model';

/** 查 check: every member confirmed (不落一人), new members added, the archive and the assistance judged. */
export function CheckStep({ h, formType }: { h: Household; formType: FormType }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const rows = (Form.useWatch('members', { preserve: true }) as MemberRow[] | undefined) ?? [];
  const archiveMatches = Form.useWatch('archiveMatches', { preserve: true }) as boolean | undefined;
  const gone = h.members.filter((m) => m.status !== 'current');
  return (
    <>
      <Block title={t('visits.form.members')} testId="step-check">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('visits.form.membersHint')}
        </Typography.Paragraph>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const row = rows[field.name];
                const member = row?.memberId ? h.members.find((m) => m.id === row.memberId) : undefined;
                return member ? (
                  <KnownMember key={field.key} index={field.name} member={member} />
                ) : (
                  <NewMember key={field.key} index={field.name} onRemove={() => remove(field.name)} />
                );
              })}
              <Flex gap={8} wrap>
                <Button onClick={() => add(newMemberRow(newId(), 'born'))} data-testid="add-born">
                  {t('visits.form.addBorn')}
                </Button>
                <Button onClick={() => add(newMemberRow(newId(), 'married_in'))}>{t('visits.form.addMarriedIn')}</Button>
              </Flex>
            </>
          )}
        </Form.List>
        {gone.length ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('visits.form.leftMembers', {
              names: gone.map((m) => `${m.name}（${labels.value('status', m.status)}）`).join(t('common.listSep')),
            })}
          </Typography.Paragraph>
        ) : null}
      </Block>
      {formType === 'registered' ? (
        <Block title={t('visits.form.precision')}>
          <Form.Item name="archiveMatches" label={t('visits.form.archiveMatches')}>
            <YesNo testId="archive-matches" />
          </Form.Item>
          {archiveMatches === false ? (
            <Form.Item
              name="archiveNote"
              label={t('visits.form.archiveNote')}
              rules={[{ required: true, whitespace: true, message: t('visits.form.describe') }]}
            >
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="assistancePrecise" label={t('visits.form.assistancePrecise')}>
            <YesNo />
          </Form.Item>
          {h.povertyStatus === 'exited' ? (
            <Form.Item name="exitPrecise" label={t('visits.form.exitPrecise')}>
              <YesNo />
            </Form.Item>
          ) : null}
        </Block>
      ) : (
        <Alert type="info" showIcon title={t('visits.form.marginalFormHint')} style={{ marginBottom: 12 }} />
      )}
    </>
  );
}
