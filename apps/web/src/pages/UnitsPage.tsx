import { Card, Col, Empty, Row } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUnitPermission } from '../modules/org/access';
import { useUnits } from '../modules/org/api';
import { UnitDetail } from '../modules/org/UnitDetail';
import { UnitTreePanel } from '../modules/org/UnitTreePanel';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /admin/units 单位管理: the tree on the left (on top on a phone), the chosen unit beside it. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const mobile = useIsMobile();
  const may = useUnitPermission();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const detailRef = useRef<HTMLDivElement>(null);

  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const childCount = useMemo(() => (units.data ?? []).filter((u) => u.parentId === selectedId).length, [units.data, selectedId]);

  const select = (id: string | null) => setParams(id ? { unit: id } : {}, { replace: true });

  // On a phone the details sit under the tree: bring them into view when a unit is chosen.
  useEffect(() => {
    if (mobile && selectedId) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [mobile, selectedId]);

  if (units.error) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <>
      <PageHeader title={t('units.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8}>
          <Card loading={units.isPending} styles={{ body: { padding: mobile ? 12 : 16 } }}>
            {units.data ? (
              <UnitTreePanel
                units={units.data}
                selectedId={selectedId}
                onSelect={select}
                maxHeight={mobile ? '55vh' : 'calc(100vh - 230px)'}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          <div ref={detailRef} style={{ scrollMarginTop: 64 }}>
            {selected ? (
              <UnitDetail
                key={selected.id}
                unit={selected}
                parent={selected.parentId ? (byId.get(selected.parentId) ?? null) : null}
                childCount={childCount}
                canManage={may('unit.manage', selected)}
                onSelect={select}
              />
            ) : (
              <Card>
                <Empty description={t('units.selectHint')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
