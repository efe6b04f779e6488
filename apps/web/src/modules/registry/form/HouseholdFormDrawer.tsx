import type { Household } from '@fupin/domain/schemas/households';
import { Alert, App, Button, Drawer, Flex, Form, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../api/client';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useTagOptions, useTownship } from '../context';
import { emptyHousehold, type HouseholdValues, valuesFromHousehold } from '../form-values';
import { AssistanceFields } from './AssistanceFields';
import { BasicFields } from './BasicFields';
import { HousingFields } from './HousingFields';
import { IncomeFields } from './IncomeFields';
import { MembersEditor } from './MembersEditor';
import { type FormMode, MEMBERS_SECTION_ID, useHouseholdSubmit } from './use-household-submit';

export type { FormMode };

function Section({ title, children, testId, id }: { title: string; children: ReactNode; testId: string; id?: string }) {
  return (
    <section id={id} data-testid={testId} style={{ marginBottom: 8, scrollMarginTop: 8 }}>
      <Typography.Title level={5} style={{ marginTop: 8, paddingBottom: 6, borderBottom: '1px solid #f0f0f0' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * The household form: a drawer on a desk, the whole screen on a phone. Every field of the
 * household in five groups; saving sends the whole household (and, for an edit, its version).
 */
export function HouseholdFormDrawer({
  mode,
  onClose,
  onSaved,
}: {
  mode: FormMode;
  onClose: () => void;
  onSaved: (h: Household) => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { modal } = App.useApp();
  const [form] = Form.useForm<HouseholdValues>();
  // Made once per opening: a second press of 保存 after a lost answer cannot create twice.
  const [ids] = useState(() => ({ household: newId(), head: newId() }));
  const household = mode.kind === 'edit' ? mode.household : null;
  const place = mode.kind === 'create' ? mode.place : null;
  const initial = useMemo(
    () => (household ? valuesFromHousehold(household) : emptyHousehold(place ?? {}, ids.head)),
    [household, place, ids.head],
  );
  const [open, setOpen] = useState<string[]>(() => initial.members.filter((m) => m.isNew).map((m) => m.id));
  const tags = useTagOptions(useTownship(household?.villageId ?? place?.villageId));

  // Reloaded after a version conflict: the form shows the newer household.
  const version = household?.version;
  useEffect(() => {
    if (version === undefined) return;
    form.resetFields();
  }, [form, version]);

  const revealMembers = (indexes: number[]) => {
    const members = (form.getFieldValue('members') as HouseholdValues['members'] | undefined) ?? [];
    const ids = indexes.map((i) => members[i]?.id).filter((id): id is string => Boolean(id));
    if (ids.length) setOpen((o) => [...new Set([...o, ...ids])]);
  };
  const submit = useHouseholdSubmit({
    form,
    mode,
    householdId: ids.household,
    onSaved: (h) => {
      onSaved(h);
      onClose();
    },
    revealMembers,
  });

  const close = () => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('registry.form.unsavedTitle'),
      content: t('registry.form.unsavedText'),
      okText: t('registry.form.discard'),
      okButtonProps: { danger: true },
      cancelText: t('registry.form.conflictKeep'),
      onOk: onClose,
    });
  };

  const title = household ? t('registry.editTitle', { name: household.headName }) : t('registry.createTitle');
  return (
    <Drawer
      open
      title={title}
      onClose={close}
      size={mobile ? '100%' : 920}
      destroyOnHidden
      maskClosable={false}
      styles={{ body: { paddingTop: 8, paddingBottom: 8 } }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.saving} onClick={() => form.submit()} data-testid="household-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
      data-testid="household-drawer"
    >
      <Form<HouseholdValues>
        form={form}
        name="household"
        layout="vertical"
        initialValues={initial}
        onFinish={submit.onFinish}
        onFinishFailed={submit.onFinishFailed}
        data-testid="household-form"
      >
        <Section title={t('registry.sections.basic')} testId="form-basic">
          <BasicFields form={form} tags={tags} />
        </Section>
        <Section title={t('registry.sections.members')} testId="form-members" id={MEMBERS_SECTION_ID}>
          {submit.listError ? (
            <Alert type="error" showIcon title={submit.listError} style={{ marginBottom: 8 }} data-testid="members-error" />
          ) : null}
          <MembersEditor form={form} today={submit.today} mobile={mobile} open={open} onOpen={setOpen} />
        </Section>
        <Section title={t('registry.sections.income')} testId="form-income">
          <IncomeFields form={form} />
        </Section>
        <Section title={t('registry.sections.housing')} testId="form-housing">
          <HousingFields />
        </Section>
        <Section title={t('registry.sections.assistanceForm')} testId="form-assistance">
          <AssistanceFields />
        </Section>
      </Form>
    </Drawer>
  );
}
