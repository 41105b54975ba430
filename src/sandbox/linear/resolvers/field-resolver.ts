import { customerResolvers } from './customers.js';
import { issueResolvers } from './issues.js';
import { mutationResolvers } from './mutations.js';
import { queryResolvers } from './queries.js';
import { createFieldResolver, type ResolverMap } from './resolver.js';
import { workspaceResolvers } from './workspace.js';

export const linearResolvers: ResolverMap = {
  ...queryResolvers,
  ...mutationResolvers,
  ...workspaceResolvers,
  ...issueResolvers,
  ...customerResolvers,
};

/** The one field resolver `execute` runs for every field of the Linear schema. */
export const linearFieldResolver = createFieldResolver(linearResolvers);
