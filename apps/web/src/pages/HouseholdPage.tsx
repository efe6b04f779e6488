import type { Household } from '@fupin/domain/schemas/households';
import { Button, Card, Col, Result, Row } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useHousehold } from '../modules/registry/api';
import { useTagOptions } from '../modules/registry/context';
import { AssistanceSection } from '../modules/registry/household/AssistanceSection';
import { HousingSection, IncomeSection } from '../modules/registry/household/FactsSections';
import { HistorySection } from '../modules/registry/household/HistorySection';
import { HouseholdHeader } from '../modules/registry/household/HouseholdHeader';
import { MembersSection } from '../modules/registry/household/MembersSection';
import { HouseholdFlags } from '../modules/rules/flags';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

// Only those who may edit open the form: its own chunk.
const HouseholdFormDrawer = lazy(() =>
  import('../modules/registry/form/HouseholdFormDrawer').then((m) => ({ default: m.HouseholdFormDrawer })),
);

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const mobile = useIsMobile();
  return (
    <Card title={title} size="small" styles={{ body: { padding: mobile ? 8 : 12 } }} data-testid={testId}>
      {children}
    </Card>
  );
}

function HouseholdView({ h, listHref }: { h: Household; listHref: string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const tags = useTagOptions(h.townshipId);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <HouseholdHeader h={h} tags={tags} listHref={listHref} onEdit={() => setEditing(true)} />
        </Col>
        <Col span={24}>
          <Section title={t('rules.flags.title')} testId="section-flags">
            <HouseholdFlags flags={h.flags} />
          </Section>
        </Col>
        <Col span={24}>
          <Section title={t('registry.sections.members')} testId="section-members">
            <MembersSection members={h.members} compact={mobile} />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('registry.sections.income')} testId="section-income">
            <IncomeSection h={h} compact={mobile} />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('registry.sections.housing')} testId="section-housing">
            <HousingSection h={h} compact={mobile} />
          </Section>
        </Col>
        <Col span={24}>
          <Section title={t('registry.sections.assistance')} testId="section-assistance">
            <AssistanceSection h={h} compact={mobile} />
          </Section>
        </Col>
        <Col span={24}>
          <Section title={t('registry.sections.history')} testId="section-history">
            <HistorySection householdId={h.id} tags={tags} />
          </Section>
        </Col>
      </Row>
      {editing ? (
        <Suspense fallback={<FullPageSpin fullHeight={false} />}>
          <HouseholdFormDrawer
            mode={{ kind: 'edit', household: h }}
            onClose={() => setEditing(false)}
            onSaved={() => undefined}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** /registry/:id 农户详情: members, income, housing and water, assistance, change history. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '';
  const listHref = `/registry${from}`;
  const household = useHousehold(id);

  if (household.error) {
    const missing = household.error instanceof ApiError && (household.error.status === 404 || household.error.status === 400);
    if (!missing) return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('registry.notFound')}
        extra={
          <Link to={listHref}>
            <Button type="primary">{t('registry.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!household.data) return <FullPageSpin fullHeight={false} />;
  return <HouseholdView h={household.data} listHref={listHref} />;
}
