import { POVERTY_STATUS } from '@fupin/domain';
import { Flex, Tag } from 'antd';
import type { TagOption } from './api';
import { useRegistryLabels } from './labels';

/** 未脱贫 in red, 已脱贫 (with its year) in green, then the household's tags. */
export function StatusTags({
  status,
  exitYear,
  tags,
  tagOptions,
}: {
  status: string;
  exitYear: number | null;
  tags: readonly string[];
  tagOptions: readonly TagOption[] | undefined;
}) {
  const labels = useRegistryLabels();
  const statusTag =
    status === 'not_out' ? (
      <Tag color="red">{labels.code(POVERTY_STATUS, status)}</Tag>
    ) : status === 'exited' ? (
      <Tag color="green">
        {labels.code(POVERTY_STATUS, status)}
        {exitYear ? ` ${exitYear}` : ''}
      </Tag>
    ) : null;
  if (!statusTag && tags.length === 0) return null;
  return (
    <Flex wrap gap={4} data-testid="status-tags">
      {statusTag}
      {tags.map((code) => (
        <Tag key={code} color={code === 'marginal' ? 'orange' : code === 'key' ? 'gold' : 'blue'}>
          {labels.tag(code, tagOptions)}
        </Tag>
      ))}
    </Flex>
  );
}
