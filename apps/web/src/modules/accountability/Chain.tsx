import { isVacant } from '@fupin/domain';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainEntry } from './api';
import { useAccountabilityLabels } from './labels';

/**
 * One link of the chain: 驻村领导 卢伟发; a sending unit's head, who has no account, with their
 * title and unit: 派出单位负责人 王建国（局长，县交通运输局）. A vacant seat says so in red rather
 * than disappearing.
 */
function Entry({ e }: { e: ChainEntry }) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  const about = e.link === 'unit_head' ? [e.title, e.unitName].filter((s): s is string => !!s) : [];
  return (
    <span data-testid="chain-entry" data-link={e.link}>
      <Typography.Text type="secondary">{labels.link(e.link)}</Typography.Text>{' '}
      {isVacant(e) ? (
        <Typography.Text type="danger">
          {t('accountability.vacant')}
          {e.unitName ? t('accountability.about', { about: e.unitName }) : null}
        </Typography.Text>
      ) : (
        <Typography.Text>
          {e.name}
          {about.length > 0 ? t('accountability.about', { about: about.join(t('common.listSep')) }) : null}
        </Typography.Text>
      )}
    </span>
  );
}

/** The people named for a lapse or a unit, one a line, nearest first. */
export function Chain({ entries }: { entries: ChainEntry[] }) {
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={0} style={{ fontSize: 13 }}>
      {entries.map((e, i) => (
        <Entry key={`${e.link}:${e.userId ?? e.unitName ?? i}`} e={e} />
      ))}
    </Flex>
  );
}
