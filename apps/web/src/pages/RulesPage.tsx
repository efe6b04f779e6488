import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useActiveRuleSet, useRuleSets } from '../modules/rules/api';
import { useRulesPlace } from '../modules/rules/context';
import { StatusTag } from '../modules/rules/tags';
import { NewDraftModal } from '../modules/rules/view/NewDraftModal';
import { RuleSetView } from '../modules/rules/view/RuleSetView';
import { VersionList } from '../modules/rules/view/VersionList';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** Village staff and cadres read the active rules of their township; they cannot list versions. */
function ActiveOnly({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation();
  const active = useActiveRuleSet(unitId);
  if (active.error) return <QueryError error={active.error} onRetry={() => void active.refetch()} />;
  if (!active.data)
    return active.isPending && unitId ? <FullPageSpin fullHeight={false} /> : <Alert type="info" title={t('rules.noActive')} />;
  const set = active.data;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('rules.activeOnlyHint')} />
      <Flex gap={8} align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('rules.setTitle', { year: set.year, version: set.version })}
        </Typography.Title>
        <StatusTag status={set.status} />
      </Flex>
      <RuleSetView definition={set.definition} />
    </Flex>
  );
}

/** /rules 重点户规则: the township's versions (the active one first) and the rules in force. */
export function RulesPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const place = useRulesPlace();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const asked = params.get('township');
  const townshipId = place.townships.find((u) => u.id === asked)?.id ?? place.townships[0]?.id ?? null;
  const versions = useRuleSets(townshipId);
  const canManage = townshipId !== null && place.mayManage(townshipId);
  const active = versions.data?.find((v) => v.status === 'active');
  const newestYear = versions.data?.[0]?.year ?? new Date().getFullYear();

  if (place.loading) return <FullPageSpin fullHeight={false} />;
  if (townshipId === null) {
    return (
      <>
        <PageHeader title={t('rules.title')} />
        <ActiveOnly unitId={place.roleUnitId} />
      </>
    );
  }
  const pad = { body: { padding: mobile ? 12 : 16 } };
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        extra={
          <>
            {place.townships.length > 1 ? (
              <Select
                value={townshipId}
                onChange={(id) => setParams({ township: id }, { replace: true })}
                options={place.townships.map((u) => ({ value: u.id, label: u.name }))}
                aria-label={t('rules.township')}
                style={{ minWidth: 140 }}
              />
            ) : null}
            {canManage ? (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-from-default">
                {t('rules.create.fromDefault')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('rules.versions')} styles={pad}>
          {versions.error ? (
            <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
          ) : (
            <VersionList
              items={versions.data ?? []}
              loading={versions.isPending}
              onOpen={(v) => void navigate(`/rules/${v.id}`)}
              compact={mobile}
            />
          )}
        </Card>
        {active ? (
          <Card
            title={
              <Flex gap={8} align="center" wrap style={{ padding: '6px 0' }}>
                {t('rules.setTitle', { year: active.year, version: active.version })}
                <StatusTag status={active.status} />
              </Flex>
            }
            styles={pad}
            data-testid="active-rules"
          >
            <RuleSetView definition={active.definition} />
          </Card>
        ) : null}
      </Flex>
      {creating ? (
        <NewDraftModal
          source={{ kind: 'default', year: newestYear }}
          townshipId={townshipId}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}
