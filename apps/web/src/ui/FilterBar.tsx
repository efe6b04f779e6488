/**
 * A list's search box and filters. On a desk they stand in one row; on a phone the filters fold
 * away behind a button that counts the ones set. A link clears the filters but keeps the search.
 * Typing searches after a short pause; Enter searches at once.
 */
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';

const SEARCH_DELAY_MS = 400;

/**
 * The search box's own text, handed on to the filters `SEARCH_DELAY_MS` after typing stops;
 * when the address changes from outside (back, a cleared filter) the box follows.
 */
export function useSearchText<F extends { q: string }>(value: F, onChange: (next: F) => void) {
  const [text, setText] = useState(value.q);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  useEffect(() => setText((current) => (current.trim() === value.q ? current : value.q)), [value.q]);
  useEffect(() => {
    const q = text.trim();
    if (q === latest.current.value.q) return;
    const timer = setTimeout(() => latest.current.onChange({ ...latest.current.value, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, setText] as const;
}

interface Props {
  search: ReactNode;
  filters: ReactNode;
  /** how many filters are set */
  count: number;
  onClear: () => void;
  clearLabel: string;
  /** the phone's fold button's accessible name */
  toggleLabel: string;
  mobile: boolean;
  testId: string;
}

export function FilterBar({ search, filters, count, onClear, clearLabel, toggleLabel, mobile, testId }: Props) {
  const [open, setOpen] = useState(false);
  const all = (
    <>
      {filters}
      {count > 0 ? (
        <Button type="link" onClick={onClear} style={{ paddingInline: 4, alignSelf: mobile ? 'flex-start' : undefined }}>
          {clearLabel}
        </Button>
      ) : null}
    </>
  );
  if (!mobile)
    return (
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid={testId}>
        {search}
        {all}
      </Flex>
    );
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid={testId}>
      <Flex gap={8}>
        {search}
        <Badge count={count} size="small" offset={[-4, 4]}>
          <Button
            icon={<FilterOutlined />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={toggleLabel}
            data-testid="filters-toggle"
          />
        </Badge>
      </Flex>
      {open ? (
        <Flex vertical gap={8} data-testid="filters-panel">
          {all}
        </Flex>
      ) : null}
    </Flex>
  );
}
