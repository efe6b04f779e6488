import { Card, Flex, Steps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUnitPermission } from '../modules/org/access';
import { useUnits } from '../modules/org/api';
import { compareUnits } from '../modules/org/tree';
import { ImportJobPanel } from '../modules/registry/import/ImportJobPanel';
import { ImportStart } from '../modules/registry/import/ImportStart';
import { importStep } from '../modules/registry/import/import-state';
import { RecentImports } from '../modules/registry/import/RecentImports';
import { useImportJob } from '../modules/registry/import-api';
import { PageHeader } from '../ui/PageHeader';
import { useIsMobile } from '../ui/use-is-mobile';

/**
 * /registry/import 导入农户: choose the unit and download its template, upload the filled file,
 * watch it being checked, then read the errors or confirm the preview. The unit and the import
 * live in the address, so a reload (or a phone that slept) comes back to the same import.
 */
export function RegistryImportPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const units = useUnits();
  const may = useUnitPermission();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const job = useImportJob(importId);

  // By default the widest unit the person may import into: their township, else their village.
  const defaultUnit = useMemo(() => {
    const importable = (units.data ?? [])
      .filter((u) => (u.kind === 'township' || u.kind === 'village') && may('household.manage', u))
      .sort((a, b) => (a.kind === b.kind ? compareUnits(a, b) : a.kind === 'township' ? -1 : 1));
    return importable[0]?.id;
  }, [units.data, may]);
  const unitId = params.get('unit') ?? job.data?.unitId ?? defaultUnit;

  const set = (next: { unit?: string | undefined; import?: string | null }) => {
    const out = new URLSearchParams();
    const unit = next.unit ?? unitId;
    if (unit) out.set('unit', unit);
    const imp = next.import === undefined ? importId : next.import;
    if (imp) out.set('import', imp);
    setParams(out, { replace: true });
  };

  const step = importStep(Boolean(unitId), importId ? job.data : undefined);
  const unit = units.data?.find((u) => u.id === unitId);
  const listHref = unit?.kind === 'village' ? `/registry?village=${unit.id}` : '/registry';

  return (
    <>
      <PageHeader title={t('registry.importPage.title')} />
      <Flex vertical gap={16}>
        <Card size="small" styles={{ body: { padding: mobile ? '8px 12px' : 16 } }}>
          <Steps
            size="small"
            current={step.current}
            status={step.status}
            // On a phone: dots with the titles under them, still in one row.
            type={mobile ? 'dot' : 'default'}
            titlePlacement={mobile ? 'vertical' : 'horizontal'}
            responsive={false}
            items={[
              { title: t('registry.importPage.stepUnit') },
              { title: t('registry.importPage.stepUpload') },
              { title: t('registry.importPage.stepCheck') },
              { title: t('registry.importPage.stepDone') },
            ]}
            data-testid="import-steps"
          />
        </Card>
        {job.data?.status === 'committed' && importId ? null : (
          <ImportStart
            unitId={unitId}
            onUnit={(id) => set({ unit: id, import: null })}
            onUploaded={(j) => set({ import: j.id })}
            mobile={mobile}
          />
        )}
        {importId ? (
          <Card title={`3. ${t('registry.importPage.stepCheck')}`} size="small" data-testid="import-job">
            <ImportJobPanel id={importId} listHref={listHref} onAgain={() => set({ import: null })} />
          </Card>
        ) : null}
        <Card title={t('registry.importPage.recent')} size="small" styles={{ body: { padding: mobile ? 8 : 12 } }}>
          <RecentImports onOpen={(j) => set({ unit: j.unitId, import: j.id })} selectedId={importId} compact={mobile} />
        </Card>
      </Flex>
    </>
  );
}
