import type { Household } from '@fupin/domain/schemas/households';
import { Alert, App, Button, DatePicker, Flex, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { useCadres, usePairCadre } from '../api';

/** Choose a cadre of the township (with how many households each has) and pair. */
export function PairForm({ h, onDone }: { h: Household; onDone: () => void }) {
  const { t } = useTranslation();
  const cadres = useCadres(h.townshipId);
  const pair = usePairCadre();
  const report = useReportError();
  const { message } = App.useApp();
  const [cadreId, setCadreId] = useState<string>();
  const [since, setSince] = useState<Dayjs | null>(null);
  if (cadres.error) {
    return (
      <Alert type="warning" showIcon title={t('registry.assistance.cadresUnavailable', { message: cadres.error.message })} />
    );
  }
  const paired = new Set(h.pairings.map((p) => p.cadreId));
  return (
    <Flex wrap gap={8} data-testid="pair-form">
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        loading={cadres.isPending}
        value={cadreId}
        onChange={setCadreId}
        placeholder={t('registry.assistance.pairCadre')}
        aria-label={t('registry.assistance.pairCadre')}
        style={{ minWidth: 220, flex: '1 1 220px' }}
        options={(cadres.data ?? [])
          .filter((c) => !paired.has(c.id))
          .map((c) => ({
            value: c.id,
            label: `${c.displayName}（${c.units.join('、')}，${t('registry.assistance.cadreHouseholds', { count: c.households })}）`,
          }))}
      />
      <DatePicker
        value={since}
        onChange={setSince}
        placeholder={t('registry.assistance.pairSinceHelp')}
        aria-label={t('registry.assistance.pairSince')}
        style={{ flex: '1 1 140px' }}
      />
      <Button
        type="primary"
        disabled={!cadreId}
        loading={pair.isPending}
        onClick={() =>
          cadreId &&
          pair.mutate(
            { id: h.id, cadreId, since: since ? since.format('YYYY-MM-DD') : null },
            {
              onSuccess: () => {
                void message.success(t('registry.assistance.paired'));
                onDone();
              },
              onError: (err) => report(err),
            },
          )
        }
      >
        {t('registry.assistance.pair')}
      </Button>
      <Button onClick={onDone}>{t('common.cancel')}</Button>
    </Flex>
  );
}
