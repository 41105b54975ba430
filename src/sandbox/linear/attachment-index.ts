import type { LinearAttachment, LinearState } from './state.js';

interface Index {
  length: number;
  first: LinearAttachment | undefined;
  last: LinearAttachment | undefined;
  byIssue: Map<string, LinearAttachment[]>;
}

const indexes = new WeakMap<LinearAttachment[], Index>();

/**
 * An issue's attachments, in workspace order, without scanning every attachment for every issue (a read of a
 * hundred issues in a workspace of 10,000 links would otherwise cost a million comparisons). Rebuilt whenever
 * anything but an append changed the list; attachments never move between issues.
 */
export function attachmentsOfIssue(state: LinearState, issueId: string): LinearAttachment[] {
  const list = state.attachments;
  let index = indexes.get(list);
  // Appended to since (attachmentCreate pushes): index just the new tail.
  if (index && list.length > index.length && index.first === list[0] && index.last === list[index.length - 1]) {
    for (const attachment of list.slice(index.length)) {
      const own = index.byIssue.get(attachment.issueId);
      if (own) own.push(attachment);
      else index.byIssue.set(attachment.issueId, [attachment]);
    }
    index.length = list.length;
    index.first = list[0];
    index.last = list[list.length - 1];
  }
  if (!index || index.length !== list.length || index.first !== list[0] || index.last !== list[list.length - 1]) {
    const byIssue = new Map<string, LinearAttachment[]>();
    for (const attachment of list) {
      const own = byIssue.get(attachment.issueId);
      if (own) own.push(attachment);
      else byIssue.set(attachment.issueId, [attachment]);
    }
    index = { length: list.length, first: list[0], last: list[list.length - 1], byIssue };
    indexes.set(list, index);
  }
  return index.byIssue.get(issueId) ?? [];
}
