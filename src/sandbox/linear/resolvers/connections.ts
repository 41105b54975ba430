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
export function listConnection<T extends { id: string; createdAt: string; updatedAt: string }>(
  items: readonly T[],
  spec: EntitySpec<T>,
  args: ListArgs,
  ctx: LinearRequestContext,
  options: ListOptions<T> = {},
): Connection<T> {
  const ordered = sortNewestFirst(items, options.order ?? byTimestamp<T>(args.orderBy));
  const includeArchived = args.includeArchived ?? false;
  const archived = options.archived;
  return paginate(ordered, (item) => (includeArchived || !archived?.(item)) && matches(spec, item, args.filter, ctx), args);
}
