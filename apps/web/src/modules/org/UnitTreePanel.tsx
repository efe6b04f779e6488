import type { Unit } from '@fupin/domain/schemas/org';
import { Empty, Input, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDomainLabels } from '../../i18n';
import { ancestorIds, buildUnitTree, filterUnitTree, idsOf, idsToDepth, type UnitNode } from './tree';

interface Props {
  units: readonly Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** the tree scrolls inside this height, so the details stay in reach */
  maxHeight: string;
}

/** The unit tree with a search by name; searching opens every branch that matches. */
export function UnitTreePanel({ units, selectedId, onSelect, maxHeight }: Props) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [search, setSearch] = useState('');
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const [expanded, setExpanded] = useState<string[]>(() => idsToDepth(roots, 2));
  const filtered = useMemo(() => filterUnitTree(roots, search), [roots, search]);

  // A unit chosen from outside the tree (just created, or opened from a link) must be visible.
  useEffect(() => {
    if (!selectedId) return;
    const chain = ancestorIds(units, selectedId);
    setExpanded((open) => (chain.every((id) => open.includes(id)) ? open : [...new Set([...open, ...chain])]));
  }, [selectedId, units]);

  const treeData = useMemo(() => {
    const toData = (n: UnitNode): TreeDataNode => ({
      key: n.unit.id,
      title: (
        <span>
          <span>{n.unit.name}</span>
          {n.unit.kind === 'county' || n.unit.kind === 'township' ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {labels.kind(n.unit.kind)}
            </Typography.Text>
          ) : null}
        </span>
      ),
      children: n.children.map(toData),
    });
    return filtered.map(toData);
  }, [filtered, labels.kind]);

  const searching = search.trim() !== '';
  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('units.searchPlaceholder')}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={setSearch}
        style={{ marginBottom: 8 }}
        data-testid="unit-search"
      />
      {treeData.length === 0 ? (
        <Empty description={searching ? t('units.noMatch', { q: search.trim() }) : t('units.empty')} />
      ) : (
        <div style={{ maxHeight, overflow: 'auto' }} data-testid="unit-tree">
          <Tree
            blockNode
            showLine
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={searching ? idsOf(filtered) : expanded}
            onExpand={(keys) => {
              if (!searching) setExpanded(keys.map(String));
            }}
            onSelect={(keys) => {
              const id = keys[0];
              if (id !== undefined) onSelect(String(id));
            }}
          />
        </div>
      )}
    </div>
  );
}
