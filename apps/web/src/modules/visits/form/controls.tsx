/** Small controls of the visit form: two-way choices a thumb can hit, and the registry value beside a field. */
import { Card, Form, type FormItemProps, Segmented, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitLabels } from '../labels';
import { plain } from './model';

/** A boolean as two large buttons; `labels` says what yes and no mean here (有保障/未保障, 达标/不达标). */
export function Choice({
  value,
  onChange,
  yes,
  no,
  id,
  testId,
}: {
  value?: boolean | null;
  onChange?: (v: boolean) => void;
  yes: string;
  no: string;
  id?: string;
  testId?: string;
}) {
  return (
    <Segmented<'yes' | 'no'>
      id={id}
      data-testid={testId}
      value={value === true ? 'yes' : value === false ? 'no' : (undefined as never)}
      onChange={(v) => onChange?.(v === 'yes')}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
    />
  );
}

export function YesNo(props: { value?: boolean | null; onChange?: (v: boolean) => void; id?: string; testId?: string }) {
  const { t } = useTranslation();
  return <Choice {...props} yes={t('common.yes')} no={t('common.no')} />;
}

/** 台账：… under a field, in orange with 已更改 once the cadre's value differs. */
export function RegistryNote({ name, field, registry }: { name: NamePath; field: string; registry: unknown }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const current = Form.useWatch(name, { preserve: true });
  const changed = JSON.stringify(plain(current)) !== JSON.stringify(plain(registry));
  return (
    <Typography.Text type={changed ? 'warning' : 'secondary'} style={{ fontSize: 13 }} data-changed={changed || undefined}>
      {t('visits.form.registry', { value: labels.value(field, registry) })}
      {changed ? ` · ${t('visits.form.changed')}` : ''}
    </Typography.Text>
  );
}

/** A field observed against the registry: the control, with the registry's value under it. */
export function ObservedItem({
  name,
  field,
  registry,
  label,
  children,
  watch,
  ...rest
}: {
  name: NamePath;
  field: string;
  registry: unknown;
  label: ReactNode;
  children: ReactNode;
  /** the absolute path, when `name` is relative to a list */
  watch?: NamePath;
} & Omit<FormItemProps, 'name'>) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={<RegistryNote name={watch ?? name} field={field} registry={registry} />}
      {...rest}
    >
      {children}
    </Form.Item>
  );
}

/** A titled block of a step. */
export function Block({
  title,
  children,
  testId,
  extra,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  extra?: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      style={{ marginBottom: 12 }}
      styles={{ body: { padding: 12 } }}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
