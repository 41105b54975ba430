import { stableUuid } from '../ids.js';
import { byId, requireById } from '../lookup.js';
import type { LinearCustomer, LinearCustomerNeed } from '../state.js';
import { resolversFor, type TypeResolvers } from './resolver.js';

/** Every customer has a status in Linear; the emulator models one. */
const ACTIVE_STATUS = { id: stableUuid('customer-status:active'), name: 'Active', color: '#4cb782' };

export function customerSlugId(customer: Pick<LinearCustomer, 'id'>): string {
  return customer.id.replace(/-/g, '').slice(0, 12);
}

const customer = resolversFor<LinearCustomer>({
  slugId: (c) => customerSlugId(c),
  url: (c, _a, ctx) => `${ctx.webUrl}/${ctx.state.organization.urlKey}/customer/${customerSlugId(c)}`,
  needs: (c, _a, ctx) => ctx.state.customerNeeds.filter((n) => n.customerId === c.id),
  approximateNeedCount: (c, _a, ctx) => ctx.state.customerNeeds.filter((n) => n.customerId === c.id).length,
  status: () => ACTIVE_STATUS,
});

const customerNeed = resolversFor<LinearCustomerNeed>({
  customer: (n, _a, ctx) => requireById(ctx.state.customers, n.customerId, 'Customer'),
  issue: (n, _a, ctx) => byId(ctx.state.issues, n.issueId) ?? null,
  attachment: (n, _a, ctx) => byId(ctx.state.attachments, n.attachmentId) ?? null,
  creator: (n, _a, ctx) => byId(ctx.state.users, n.creatorId) ?? null,
  content: (n) => n.body,
});

export const customerResolvers: Readonly<Record<string, TypeResolvers>> = {
  Customer: customer,
  CustomerNeed: customerNeed,
};
