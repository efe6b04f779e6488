import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { RubricItem } from '@fupin/domain';
import { Button, Flex, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { stepped } from './sheet';

/** Half a point: the usual deduction. */
const STEP = 0.5;
const BIG = { width: 48, height: 48, flex: 'none' } as const;

/**
 * One rubric item on a phone: its name, what earns the points, and − [points] + with big touch
 * targets; the buttons stay within 0 … the item's points, and a typed number outside them is
 * shown with the item named under it.
 */
export function ItemStepper({
  item,
  value,
  error,
  onChange,
}: {
  item: RubricItem;
  value: number | null;
  error: string | undefined;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = lang === 'en' && item.nameEn ? item.nameEn : item.name;
  return (
    <Flex vertical gap={6} style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }} data-testid="item" data-code={item.code}>
      <Flex justify="space-between" gap={8} align="baseline">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('competition.score.itemMax', { max: item.points })}
        </Typography.Text>
      </Flex>
      {item.criteria ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.criteria}
        </Typography.Text>
      ) : null}
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<MinusOutlined />}
          style={BIG}
          onClick={() => onChange(stepped(item, value, -STEP))}
          disabled={value !== null && value <= 0}
          aria-label={`${name} −${STEP}`}
          data-testid="item-minus"
        />
        <InputNumber<number>
          value={value}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          controls={false}
          inputMode="decimal"
          size="large"
          status={error ? 'error' : undefined}
          style={{ width: 96, fontSize: 18 }}
          aria-label={name}
          data-testid="item-input"
        />
        <Button
          icon={<PlusOutlined />}
          style={BIG}
          onClick={() => onChange(stepped(item, value, STEP))}
          disabled={value !== null && value >= item.points}
          aria-label={`${name} +${STEP}`}
          data-testid="item-plus"
        />
        <Button style={{ height: 48 }} onClick={() => onChange(item.points)} data-testid="item-full">
          {item.points}
        </Button>
      </Flex>
      {error ? (
        <Typography.Text type="danger" data-testid="item-error">
          {error}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
