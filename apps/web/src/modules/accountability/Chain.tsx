import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainEntry } from './api';
import { useAccountabilityLabels } from './labels';

/** One link of the chain: 驻村领导 卢伟发; a vacant seat says so in red rather than disappearing. */
function Entry({ e }: { e: ChainEntry }) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  return (
    <span data-testid="chain-entry" data-link={e.link}>
      <Typography.Text type="secondary">{labels.link(e.link)}</Typography.Text>{' '}
      {e.userId ? (
        <Typography.Text>{e.name}</Typography.Text>
      ) : (
        <Typography.Text type="danger">{t('accountability.vacant')}</Typography.Text>
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
        <Entry key={`${e.link}:${e.userId ?? i}`} e={e} />
      ))}
    </Flex>
  );
}
