import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from './api';

/**
 * The campaign (行动年度) a page counts: the township's current one by default, an earlier one to
 * look back (a discipline check often concerns last spring). Only where the township is read.
 */
export function CampaignPicker({
  townshipId,
  value,
  onChange,
}: {
  townshipId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaigns(townshipId);
  if (!townshipId || !campaigns.data || campaigns.data.length < 2) return null;
  return (
    <Select
      value={value}
      onChange={(v) => onChange(v)}
      style={{ minWidth: 200, maxWidth: '100%' }}
      aria-label={t('dashboard.campaign')}
      data-testid="campaign-picker"
      options={campaigns.data.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
