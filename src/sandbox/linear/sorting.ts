import type { Order, PaginationOrderBy } from './pagination.js';
import { byTimestamp } from './pagination.js';
import type { LinearCustomer, LinearIssue, LinearUser } from './state.js';

type SortOrder = 'Ascending' | 'Descending';

interface SortSpec {
  order?: SortOrder | null;
  nulls?: 'first' | 'last' | null;
  noPriorityFirst?: boolean | null;
}

export type SortInput = Readonly<Record<string, SortSpec | null | undefined>>;

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function directed<T>(get: (item: T) => string | number, order: SortOrder): Order<T> {
  return (a, b) => (order === 'Ascending' ? 1 : -1) * compareValues(get(a), get(b));
}

/** Combines `sort: [...]` entries in order; each names one field. Unknown fields never reach here (schema). */
function combine<T>(sort: readonly SortInput[] | null | undefined, fallback: Order<T>, field: (name: string, spec: SortSpec) => Order<T> | undefined): Order<T> {
  const orders: Order<T>[] = [];
  for (const entry of sort ?? []) {
    for (const [name, spec] of Object.entries(entry)) {
      if (!spec) continue;
      const order = field(name, spec);
      if (order) orders.push(order);
    }
  }
  if (orders.length === 0) return fallback;
  return (a, b) => {
    for (const order of orders) {
      const result = order(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

const time = (value: string): number => Date.parse(value);

export function issueOrder(sort: readonly SortInput[] | null | undefined, orderBy: PaginationOrderBy | null | undefined): Order<LinearIssue> {
  return combine<LinearIssue>(sort, byTimestamp(orderBy), (name, spec) => {
    switch (name) {
      case 'createdAt':
        return directed((i) => time(i.createdAt), spec.order ?? 'Descending');
      case 'updatedAt':
        return directed((i) => time(i.updatedAt), spec.order ?? 'Descending');
      case 'title':
        return directed((i) => i.title.toLowerCase(), spec.order ?? 'Ascending');
      case 'priority': {
        // Urgent (1) first when ascending; "no priority" (0) sorts last unless asked otherwise.
        const rank = (i: LinearIssue): number => (i.priority === 0 ? (spec.noPriorityFirst ? -1 : 5) : i.priority);
        return directed(rank, spec.order ?? 'Ascending');
      }
      default:
        return undefined;
    }
  });
}

export function userOrder(sort: readonly SortInput[] | null | undefined, orderBy: PaginationOrderBy | null | undefined): Order<LinearUser> {
  return combine<LinearUser>(sort, byTimestamp(orderBy), (name, spec) => {
    if (name === 'name') return directed((u) => u.name.toLowerCase(), spec.order ?? 'Ascending');
    if (name === 'displayName') return directed((u) => u.displayName.toLowerCase(), spec.order ?? 'Ascending');
    return undefined;
  });
}

export function customerOrder(sort: readonly SortInput[] | null | undefined, orderBy: PaginationOrderBy | null | undefined): Order<LinearCustomer> {
  return combine<LinearCustomer>(sort, byTimestamp(orderBy), (name, spec) => {
    if (name === 'name') return directed((c) => c.name.toLowerCase(), spec.order ?? 'Ascending');
    if (name === 'createdAt') return directed((c) => time(c.createdAt), spec.order ?? 'Descending');
    return undefined;
  });
}
