import { invalidInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 250;

export type PaginationOrderBy = 'createdAt' | 'updatedAt';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  orderBy?: PaginationOrderBy | null;
  includeArchived?: boolean | null;
}

export interface PageInfo {
  startCursor: string | null;
  endCursor: string | null;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export type Order<T> = (a: T, b: T) => number;

/** Linear's default order: newest first by `orderBy` (createdAt unless told otherwise). Ties keep listing order reversed. */
export function byTimestamp<T extends { createdAt: string; updatedAt: string }>(orderBy: PaginationOrderBy | null | undefined): Order<T> {
  const field = orderBy ?? 'createdAt';
  return (a, b) => Date.parse(b[field]) - Date.parse(a[field]);
}

/** Stable sort that breaks remaining ties by position, later entries first, matching newest-first. */
export function sortNewestFirst<T>(items: readonly T[], order: Order<T>): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => order(a.item, b.item) || b.index - a.index)
    .map(({ item }) => item);
}

export function checkPageSize(name: 'first' | 'last', value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (value < 0 || value > MAX_PAGE_SIZE) throw invalidInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
}

/**
 * Relay-style cursor pagination over an already ordered list. Cursors are node ids, as Linear's are. A cursor
 * must name a node of `ordered`; `keep` then decides which nodes count, so a cursor still works after its own
 * node stopped matching the filter between pages.
 */
export function paginate<T extends { id: string }>(ordered: readonly T[], keep: (item: T) => boolean, args: ConnectionArgs): Connection<T> {
  checkPageSize('first', args.first);
  checkPageSize('last', args.last);
  const cursorIndex = (cursor: string): number => {
    const index = ordered.findIndex((item) => item.id === cursor);
    if (index < 0) throw invalidInput(`Invalid cursor: ${cursor}`, 'The pagination cursor is not valid.');
    return index;
  };
  const lower = args.after ? cursorIndex(args.after) + 1 : 0;
  const upper = args.before ? cursorIndex(args.before) : ordered.length;

  const window: number[] = [];
  for (let i = lower; i < upper; i += 1) if (keep(ordered[i] as T)) window.push(i);

  let first = args.first ?? undefined;
  const last = args.last ?? undefined;
  if (first === undefined && last === undefined) first = DEFAULT_PAGE_SIZE;
  let chosen = window;
  if (first !== undefined) chosen = chosen.slice(0, first);
  if (last !== undefined) chosen = last === 0 ? [] : chosen.slice(-last);

  const nodes = chosen.map((i) => ordered[i] as T);
  const firstIndex = chosen[0];
  const lastIndex = chosen[chosen.length - 1];
  const anyKept = (from: number, to: number): boolean => {
    for (let i = from; i < to; i += 1) if (keep(ordered[i] as T)) return true;
    return false;
  };
  return {
    nodes,
    pageInfo: {
      startCursor: nodes[0]?.id ?? null,
      endCursor: nodes[nodes.length - 1]?.id ?? null,
      hasPreviousPage: firstIndex === undefined ? lower > 0 && anyKept(0, lower) : anyKept(0, firstIndex),
      hasNextPage: lastIndex === undefined ? upper < ordered.length && anyKept(upper, ordered.length) : anyKept(lastIndex + 1, ordered.length),
    },
  };
}
