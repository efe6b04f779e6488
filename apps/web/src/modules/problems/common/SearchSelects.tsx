/** Choosing a household or a person by typing part of the name (the server searches; pinyin works too). */
import type { HouseholdListItem } from '@fupin/domain/schemas/households';
import type { User } from '@fupin/domain/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { api } from '../../../api/client';

function useDebounced(text: string, ms = 300): string {
  const [value, setValue] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setValue(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return value;
}

interface SelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  placeholder: string;
  style?: CSSProperties;
  testId?: string;
}

/** A household of a village (or of everything the reader sees), by its head's name or number. */
export function HouseholdSelect({
  value,
  onChange,
  placeholder,
  style,
  testId,
  villageId,
}: SelectProps & { villageId?: string | null }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['households', 'list', { q, villageId, limit: 20, offset: 0 }],
    queryFn: ({ signal }) =>
      api.get<{ items: HouseholdListItem[] }>('/api/households', {
        signal,
        query: { q, villageId: villageId ?? undefined, limit: 20, offset: 0 },
      }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data?.items ?? []).map((h) => ({
    value: h.id,
    label: `${h.headName || '—'} · ${h.villageName}${h.householdNumber ? ` · ${h.householdNumber}` : ''}`,
  }));
  if (chosen && value === chosen.value && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={found.isFetching}
      options={options}
      onChange={(id, option) => {
        setChosen(id && option && !Array.isArray(option) ? { value: id, label: String(option.label) } : null);
        onChange?.(id ?? null);
      }}
      notFoundContent={null}
      style={style}
      data-testid={testId}
    />
  );
}

/** A person with an account, by name (the reader needs user.read). */
export function UserSelect({
  value,
  onChange,
  placeholder,
  style,
  testId,
  mode,
  names,
}: Omit<SelectProps, 'value' | 'onChange'> & {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  mode?: 'multiple';
  /** names of the persons already chosen, shown before any search */
  names?: Record<string, string>;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['users', 'list', { q, limit: 20, offset: 0 }],
    queryFn: ({ signal }) =>
      api.get<{ items: User[] }>('/api/users', { signal, query: { q: q || undefined, limit: 20, offset: 0 } }),
    staleTime: 30_000,
  });
  const [known, setKnown] = useState<Record<string, string>>(names ?? {});
  const options = (found.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).filter((id) => !options.some((o) => o.value === id));
  for (const id of chosen) options.unshift({ value: id, label: known[id] ?? id });
  return (
    <Select<string | string[]>
      allowClear
      mode={mode}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={found.isFetching}
      options={options}
      onChange={(v) => {
        setKnown((k) => ({ ...k, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
        onChange?.(v ?? null);
      }}
      style={style}
      data-testid={testId}
    />
  );
}
