/** The flat unit list as a tree: county → township → village → group, in the township's order. */
import type { Unit } from '@fupin/domain/schemas/org';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** sortOrder first, then division code (units without one last), then name in pinyin order. */
export function compareUnits(a: Unit, b: Unit): number {
  if (a.sortOrder !== b.sortOrder) return a.sortOrder - b.sortOrder;
  if (a.code !== b.code) {
    if (a.code === null) return 1;
    if (b.code === null) return -1;
    return a.code < b.code ? -1 : 1;
  }
  return collator.compare(a.name, b.name);
}

/** Builds the forest; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { unit: u, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The nodes whose name contains the text, with their ancestors (and nothing else). */
export function filterUnitTree(roots: readonly UnitNode[], text: string): UnitNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [...roots];
  const out: UnitNode[] = [];
  for (const node of roots) {
    const children = filterUnitTree(node.children, q);
    if (children.length > 0 || node.unit.name.toLowerCase().includes(q)) out.push({ unit: node.unit, children });
  }
  return out;
}

/** Every id in a forest (to expand all search results). */
export function idsOf(roots: readonly UnitNode[]): string[] {
  return roots.flatMap((n) => [n.unit.id, ...idsOf(n.children)]);
}

/** Ids of the units down to a depth (county and township open at first). */
export function idsToDepth(roots: readonly UnitNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return roots.flatMap((n) => [n.unit.id, ...idsToDepth(n.children, depth - 1)]);
}

/** The ids of a unit's ancestors, nearest first (to open the tree down to it). */
export function ancestorIds(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(id); u?.parentId; u = byId.get(u.parentId)) out.push(u.parentId);
  return out;
}
