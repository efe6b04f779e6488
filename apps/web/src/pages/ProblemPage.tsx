import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { hasPermission } from '../modules/auth/api';
import { useProblem } from '../modules/problems/api';
import { useWorkPlace } from '../modules/problems/context';
import { EvidenceGallery } from '../modules/problems/detail/EvidenceGallery';
import { ProblemActions } from '../modules/problems/detail/ProblemActions';
import { ProblemHistory, ProblemRecord } from '../modules/problems/detail/ProblemRecord';
import { FullPageSpin } from '../ui/FullPageSpin';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const mobile = useIsMobile();
  return (
    <Card title={title} size="small" styles={{ body: { padding: mobile ? 8 : 12 } }} data-testid={testId}>
      {children}
    </Card>
  );
}

/** /problems/:id 问题详情: the record, what may be done now, the evidence and the history. */
export function ProblemPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { id = '' } = useParams();
  const detail = useProblem(id);
  const place = useWorkPlace();

  if (detail.error) {
    const missing = detail.error instanceof ApiError && [400, 403, 404].includes(detail.error.status);
    if (!missing) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('problems.notFound')}
        extra={
          <Link to="/problems">
            <Button type="primary">{t('problems.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!detail.data) return <FullPageSpin fullHeight={false} />;
  const d = detail.data;
  const p = d.problem;
  const units = [...(place.township ? [place.township] : []), ...place.villages].map((u) => ({ id: u.id, name: u.name }));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Link to="/problems">
          <ArrowLeftOutlined /> {t('problems.backToList')}
        </Link>
        <Typography.Title level={4} style={{ margin: '8px 0 0', wordBreak: 'break-word' }} data-testid="problem-title">
          {p.description}
        </Typography.Title>
      </Col>
      <Col span={24}>
        <ProblemActions
          d={d}
          meId={place.me?.user.id}
          units={units}
          rectifiesSomewhere={hasPermission(place.me, 'problem.rectify')}
          compact={mobile}
        />
      </Col>
      <Col xs={24} xl={14}>
        <Section title={t('problems.sections.record')} testId="section-record">
          <ProblemRecord p={p} compact={mobile} />
        </Section>
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Section title={t('problems.sections.evidence')} testId="section-evidence">
              <EvidenceGallery problemId={p.id} evidence={d.evidence} canUpload={d.canRectify && p.status !== 'closed'} />
            </Section>
          </Col>
          <Col span={24}>
            <Section title={t('problems.sections.history')} testId="section-history">
              <ProblemHistory events={d.events} />
            </Section>
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
