import { BarChartOutlined, EditOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission } from '../modules/auth/api';
import { readsCompetition } from '../modules/competition/access';
import { useRounds } from '../modules/competition/api';
import { useCompetitionTownship } from '../modules/competition/context';
import { useCompetitionLabels } from '../modules/competition/labels';
import { NewRoundModal } from '../modules/competition/NewRoundModal';
import { RoundList } from '../modules/competition/RoundList';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /competition 大比武: the township's monthly rounds with their status; the office starts this month's. */
export function CompetitionPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const labels = useCompetitionLabels();
  const place = useCompetitionTownship();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  const me = place.me;
  const manage = hasPermission(me, 'competition.manage');
  const mine = (rounds.data ?? []).filter((r) => !place.townshipId || r.townshipId === place.townshipId);

  return (
    <>
      <PageHeader
        title={t('competition.title')}
        extra={
          <>
            {hasPermission(me, 'competition.score') ? (
              <Link to="/competition/score">
                <Button icon={<EditOutlined />}>{t('competition.myTasks')}</Button>
              </Link>
            ) : null}
            {me && readsCompetition(me) ? (
              <Link to="/competition/year">
                <Button icon={<BarChartOutlined />}>{t('competition.year')}</Button>
              </Link>
            ) : null}
            {manage ? (
              <Link to="/competition/settings">
                <Button icon={<SettingOutlined />}>{t('competition.settingsLink')}</Button>
              </Link>
            ) : null}
            {manage && place.townshipId ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-round-open">
                {t('competition.newRound')}
              </Button>
            ) : null}
          </>
        }
      />
      {!place.loading && !place.townshipId ? <Alert type="info" showIcon title={t('competition.noTownship')} /> : null}
      {rounds.error ? (
        <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <RoundList rounds={mine} loading={rounds.isPending} mobile={mobile} />
      )}
      {creating && place.townshipId ? (
        <NewRoundModal
          townshipId={place.townshipId}
          taken={mine.map((r) => r.month)}
          onClose={() => setCreating(false)}
          onCreated={(d) => {
            setCreating(false);
            void message.success(t('competition.created', { month: labels.month(d.round.month) }));
            void navigate(`/competition/rounds/${d.round.id}`);
          }}
        />
      ) : null}
    </>
  );
}
