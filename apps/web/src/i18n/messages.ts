/** The shape every language's resources must have: the Chinese resources with string leaves. */
import type { zhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof zhCN>;
