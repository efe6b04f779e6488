/** Small form controls of the household form: yes/no/not-given, dates kept as YYYY-MM-DD. */
import type { FormItemProps } from 'antd';
import { Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

type Tri = 'yes' | 'no' | 'unknown';

const toTri = (v: boolean | null | undefined): Tri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromTri = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/** 是 / 否 / 未填 for a fact that may not be known yet (water, insurance). */
export function TriState({
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  value?: boolean | null;
  onChange?: (v: boolean | null) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Segmented<Tri>
      id={id}
      aria-label={ariaLabel}
      value={toTri(value)}
      onChange={(v) => onChange?.(fromTri(v))}
      options={[
        { value: 'yes', label: t('registry.form.tri.yes') },
        { value: 'no', label: t('registry.form.tri.no') },
        { value: 'unknown', label: t('registry.form.tri.unknown') },
      ]}
    />
  );
}

/** Form.Item props for a DatePicker whose stored value is an ISO date string (or null). */
export const isoDateItem: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null),
};

/** Responsive columns of the form: one on a phone, two on a tablet, three on a desk. */
export const col = { xs: 24, sm: 12, lg: 8 } as const;
export const wideCol = { xs: 24, lg: 16 } as const;
