import type { LinearRequestContext } from '../context.js';
import { matches, type EntitySpec, type FilterInput } from '../filters.js';
import { byTimestamp, paginate, sortNewestFirst, type Connection, type ConnectionArgs, type Order } from '../pagination.js';

export interface ListArgs extends ConnectionArgs {
  filter?: FilterInput | null;
}

export interface ListOptions<T> {
  /** Hidden unless `includeArchived: true`. */
  archived?: (item: T) => boolean;
  /** Replaces the default newest-first order by `orderBy`. */
  order?: Order<T>;
}

/** A Linear connection over a collection: filter, archive visibility, order, then cursor pagination. */
/**
 * A filter whose top level says `id: { eq }` or `id: { in }` can only match those ids (top-level conditions all
 * hold), so the rest are dropped before sorting and matching: reading 100 issues by id out of 10,000 then costs
 * a set lookup per issue, not a sort and a full filter evaluation. The full filter still decides.
 */
function narrowById<T extends { id: string }>(items: readonly T[], filter: unknown): readonly T[] {
  const id = (filter as { id?: { eq?: unknown; in?: unknown } } | null | undefined)?.id;
  if (!id || typeof id !== 'object') return items;
  const wanted = Array.isArray(id.in) ? new Set(id.in) : typeof id.eq === 'string' ? new Set([id.eq]) : undefined;
  return wanted ? items.filter((item) => wanted.has(item.id)) : items;
}

export function listConnection<T extends { id: string; createdAt: string; updatedAt: string }>(
  items: readonly T[],
  spec: EntitySpec<T>,
  args: ListArgs,
  ctx: LinearRequestContext,
  options: ListOptions<T> = {},
): Connection<T> {
  const ordered = sortNewestFirst(narrowById(items, args.filter), options.order ?? byTimestamp<T>(args.orderBy));
  const includeArchived = args.includeArchived ?? false;
  const archived = options.archived;
  return paginate(ordered, (item) => (includeArchived || !archived?.(item)) && matches(spec, item, args.filter, ctx), args);
}
