/**
 * What the services accept, checked before anything is created: a write refused half-way leaves a Linear
 * issue with no GitHub twin. GitHub documents 256 characters for an issue title and 65,536 for a body or a
 * comment; triage holds Linear's title to the same 256 (the two issues carry one title) and gives every
 * description the same room.
 */
export const LIMITS = {
  title: 256,
  body: 65_536,
} as const;

/**
 * Room for the customer's report inside a body: the templates add a summary, the impact, links and a
 * marker around it (a few hundred characters; 4,096 leaves room for long custom templates and for
 * placeholders longer than what they replace).
 */
export const REPORT_BUDGET = LIMITS.body - 4_096;

export interface FittedReport {
  text: string;
  /** Set when the middle was cut: what a reader of the issue is told. */
  removed?: { characters: number; lines: number };
}

/**
 * A report longer than the budget keeps its head and its tail (where a log's first error and its last
 * state are) and says, in the text itself, how much of the middle is gone. Cuts fall on line boundaries.
 */
export function fitReport(text: string, budget: number = REPORT_BUDGET): FittedReport {
  if (text.length <= budget) return { text };
  const notice = (characters: number, lines: number) =>
    `\n[… ${characters.toLocaleString('en-US')} characters (${lines.toLocaleString('en-US')} lines) of the report were left out here by triage: it was longer than the ${LIMITS.body.toLocaleString('en-US')} characters an issue holds …]\n`;
  const room = budget - notice(text.length, text.length).length;
  let headEnd = text.lastIndexOf('\n', Math.floor(room * 0.6));
  if (headEnd < room * 0.3) headEnd = Math.floor(room * 0.6);
  let tailStart = text.indexOf('\n', text.length - (room - headEnd));
  if (tailStart < 0 || text.length - tailStart > room - headEnd) tailStart = text.length - (room - headEnd);
  const middle = text.slice(headEnd, tailStart);
  const lines = middle.split('\n').length - 1;
  return { text: `${text.slice(0, headEnd)}${notice(middle.length, lines)}${text.slice(tailStart).replace(/^\n/, '')}`, removed: { characters: middle.length, lines } };
}

/** A title the services would refuse, in words that name the limit; undefined when it fits. */
export function titleProblem(title: string): string | undefined {
  if (title.length <= LIMITS.title) return undefined;
  return `the title is ${title.length.toLocaleString('en-US')} characters; an issue title holds ${LIMITS.title}`;
}
