import { GROUPS_NOMINATED } from '@fupin/domain';
import { App, Button, Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { type RoundDetail, type RoundVillage, useNominate } from '../api';

/** How many groups a village must name: two, or all it has when it has fewer. */
export const wantedGroups = (v: RoundVillage) =>
  v.groups.length === 0 ? GROUPS_NOMINATED : Math.min(GROUPS_NOMINATED, v.groups.length);

/** The village's own staff tick exactly two of its groups while the round is being scored. */
function NominationForm({ v, roundId }: { v: RoundVillage; roundId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const nominate = useNominate(roundId);
  const [chosen, setChosen] = useState<string[]>(v.nomination?.groupIds ?? []);
  const wanted = wantedGroups(v);
  const ok = chosen.length === wanted;
  const save = () =>
    nominate.mutate(
      { villageId: v.villageId, groupIds: chosen },
      {
        onSuccess: () => void message.success(t('competition.nominate.saved', { village: v.villageName })),
        onError: (e) => report(e),
      },
    );
  return (
    <Flex vertical gap={8} data-testid="nominate-form">
      <Typography.Text>{t('competition.nominate.pick', { count: wanted })}</Typography.Text>
      <Checkbox.Group value={chosen} onChange={(vals) => setChosen(vals as string[])} style={{ width: '100%' }}>
        <Flex wrap gap={8}>
          {v.groups.map((g) => (
            <Checkbox
              key={g.id}
              value={g.id}
              disabled={!chosen.includes(g.id) && chosen.length >= wanted}
              style={{ minHeight: 40, alignItems: 'center', padding: '0 8px', border: '1px solid #d9d9d9', borderRadius: 6 }}
              data-testid="nominate-group"
            >
              {g.name}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          disabled={!ok}
          loading={nominate.isPending}
          onClick={save}
          size="large"
          data-testid="nominate-save"
        >
          {t('competition.nominate.save')}
        </Button>
        <Typography.Text type={ok ? 'secondary' : 'warning'} data-testid="nominate-count">
          {ok
            ? t('competition.nominate.count', { n: chosen.length, count: wanted })
            : t('competition.nominate.mustPick', { count: wanted })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** 自报小组: each village's two groups for 看组; the village's staff choose theirs here. */
export function NominationsPanel({ detail, villages }: { detail: RoundDetail; villages: RoundVillage[] }) {
  const { t } = useTranslation();
  const scoring = detail.round.status === 'scoring';
  return (
    <Flex vertical gap={12} data-testid="nominations">
      {villages.map((v) => {
        const mine = detail.viewer.nominateVillageIds.includes(v.villageId);
        return (
          <Card
            key={v.villageId}
            size="small"
            title={v.villageName}
            data-testid="village-nomination"
            data-village={v.villageName}
          >
            <Flex vertical gap={8}>
              <Flex gap={6} wrap align="center">
                <Typography.Text type="secondary">{t('competition.nominate.groups')}：</Typography.Text>
                {v.nomination ? (
                  v.nomination.groups.map((g) => (
                    <Tag key={g.id} color="blue" data-testid="nominated">
                      {g.name}
                    </Tag>
                  ))
                ) : (
                  <Tag color="orange">{t('competition.nominate.none')}</Tag>
                )}
                {v.nomination ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('competition.nominate.by', {
                      name: v.nomination.nominatedByName ?? '—',
                      at: formatDateTime(v.nomination.nominatedAt),
                    })}
                  </Typography.Text>
                ) : null}
              </Flex>
              {mine && scoring ? <NominationForm v={v} roundId={detail.round.id} /> : null}
              {mine && !scoring ? <Typography.Text type="secondary">{t('competition.nominate.locked')}</Typography.Text> : null}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
