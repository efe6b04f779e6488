import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { type Problem, useAssign } from '../api';
import { UserSelect } from '../common/SearchSelects';

interface Values {
  responsibleUnitId?: string;
  responsibleUserId?: string | null;
  deadline?: Dayjs | null;
  measures?: string;
}

interface Props {
  p: Problem;
  /** the township and its villages: a problem answers to one of them */
  units: { id: string; name: string }[];
  onClose: () => void;
}

/** 交办: the township office sets who answers for a problem, by when, and how it is to be fixed. */
export function AssignModal({ p, units, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const assign = useAssign();
  const submit = (v: Values) =>
    assign.mutate(
      {
        id: p.id,
        input: {
          ...(v.responsibleUnitId ? { responsibleUnitId: v.responsibleUnitId } : {}),
          responsibleUserId: v.responsibleUserId ?? null,
          deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
          measures: v.measures?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('problems.done.assign'));
          onClose();
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('problems.assignTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'assign-ok' }}
      confirmLoading={assign.isPending}
      destroyOnHidden
      data-testid="assign-modal"
    >
      <Typography.Paragraph type="secondary">{t('problems.assignHelp')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          responsibleUnitId: p.responsibleUnitId ?? undefined,
          responsibleUserId: p.responsibleUserId,
          deadline: p.deadline ? dayjs(p.deadline) : null,
          measures: p.measures ?? '',
        }}
      >
        <Form.Item name="responsibleUnitId" label={t('problems.responsibleUnit')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="responsibleUserId" label={t('problems.responsibleUser')}>
          <UserSelect
            placeholder={t('problems.form.personPlaceholder')}
            testId="assign-person"
            names={p.responsibleUserId && p.responsibleUserName ? { [p.responsibleUserId]: p.responsibleUserName } : {}}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('problems.deadline')}>
          <DatePicker style={{ width: '100%' }} data-testid="assign-deadline" />
        </Form.Item>
        <Form.Item name="measures" label={t('problems.measures')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
