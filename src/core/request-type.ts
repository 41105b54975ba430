/** The support process's three request types, with the one-line meaning the team teaches. */
export const REQUEST_TYPES = ['quick-fix', 'complex', 'feature'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_INFO: Record<RequestType, { title: string; meaning: string }> = {
  'quick-fix': {
    title: 'Quick fix',
    meaning: 'urgent or important and easy: fix it yourself and open a PR right away',
  },
  complex: {
    title: 'Complex technical issue',
    meaning: 'needs investigation by the team: the customer gets an ETA',
  },
  feature: {
    title: 'Feature request',
    meaning: 'an enhancement: goes to the Backlog and is discussed in a future cycle',
  },
};

export function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}
