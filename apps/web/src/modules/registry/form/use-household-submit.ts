/**
 * Saving the household form: the shared checks first (messages under the fields, member panels
 * opened), then the create or the whole-household edit; the server's field errors land under the
 * same fields, and a version conflict offers to reload.
 */
import { type FieldError, shanghaiDate, translate } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { useCreateHousehold, useUpdateHousehold } from '../api';
import { checkValues, createInput, type HouseholdValues, membersWithErrors, namePath, updateInput } from '../form-values';

export type FormMode =
  | { kind: 'create'; place: { villageId?: string; groupId?: string | null } }
  | { kind: 'edit'; household: Household };

interface Options {
  form: FormInstance<HouseholdValues>;
  mode: FormMode;
  /** the id a create sends: made once when the form opened */
  householdId: string;
  onSaved: (h: Household) => void;
  /** opens the panels of these members (by their index in the list) */
  revealMembers: (indexes: number[]) => void;
}

/** The id of the members section: errors about the list as a whole are shown, and scrolled to, there. */
export const MEMBERS_SECTION_ID = 'household-form-members';

export function useHouseholdSubmit({ form, mode, householdId, onSaved, revealMembers }: Options) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const report = useReportError();
  const { message, modal } = App.useApp();
  const today = shanghaiDate(new Date());
  // An error about the members as a whole (no head) belongs to no one field.
  const [listError, setListError] = useState<string | null>(null);

  const scrollToFirst = (paths: readonly string[]) => {
    const first = paths[0];
    if (!first) return;
    // After the panels open: the field must be laid out to be scrolled to.
    setTimeout(() => {
      if (first === 'members')
        document.getElementById(MEMBERS_SECTION_ID)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      else form.scrollToField(namePath(first), { block: 'center' });
    }, 250);
  };

  const showCheckErrors = (errors: FieldError[]) => {
    const [list, fields] = [errors.filter((e) => e.path === 'members'), errors.filter((e) => e.path !== 'members')];
    setListError(list.length ? list.map((e) => translate(lang, e.key, e.params)).join('；') : null);
    // Paths come from the shared checks, not from the form's types.
    form.setFields(fields.map((e) => ({ name: namePath(e.path) as never, errors: [translate(lang, e.key, e.params)] })));
    const paths = errors.map((e) => e.path);
    revealMembers(membersWithErrors(paths));
    scrollToFirst(paths);
    void message.error(t('registry.form.checkFailed', { count: errors.length }));
  };

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && mode.kind === 'edit') {
      modal.confirm({
        title: t('registry.form.conflictTitle'),
        content: t('registry.form.conflictText'),
        okText: t('registry.form.conflictReload'),
        cancelText: t('registry.form.conflictKeep'),
        onOk: () => client.refetchQueries({ queryKey: ['households', 'one', mode.household.id] }),
      });
      return;
    }
    report(error, form);
    if (error instanceof ApiError) setListError(error.fields.find((f) => f.path === 'members')?.message ?? null);
    if (error instanceof ApiError && error.fields.length > 0) {
      const paths = error.fields.map((f) => f.path);
      revealMembers(membersWithErrors(paths));
      scrollToFirst(paths);
    }
  };

  const onFinish = () => {
    // The whole store: ids and flags of members have no visible field.
    const values = form.getFieldsValue(true) as HouseholdValues;
    setListError(null);
    const errors = checkValues(values, today);
    if (errors.length > 0) {
      showCheckErrors(errors);
      return;
    }
    const handlers = {
      onSuccess: (h: Household) => {
        void message.success(
          mode.kind === 'create' ? t('registry.form.created', { name: h.headName }) : t('registry.form.saved'),
        );
        onSaved(h);
      },
      onError,
    };
    if (mode.kind === 'create') create.mutate(createInput(householdId, values), handlers);
    else update.mutate({ id: mode.household.id, input: updateInput(mode.household, values) }, handlers);
  };

  /** antd's own rules failed (a required name in a closed panel): open it and go there. */
  const onFinishFailed = ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
    const paths = errorFields.map((f) => f.name.join('.'));
    revealMembers(membersWithErrors(paths));
    scrollToFirst(paths);
  };

  return { onFinish, onFinishFailed, saving: create.isPending || update.isPending, today, listError };
}
