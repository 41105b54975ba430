/** The four priorities of the team's rubric, in order of urgency. */
export const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** With a Pylon ticket, which priority stands when the rubric and Pylon disagree. */
export const PRIORITY_SOURCES = ['rubric', 'pylon'] as const;

/** Linear's priority numbers (0 is "No priority", which the rubric never produces). */
export const LINEAR_PRIORITY: Record<Priority, 1 | 2 | 3 | 4> = { urgent: 1, high: 2, medium: 3, low: 4 };

export const PRIORITY_LABEL: Record<Priority, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };

/** The support process names priorities P0..P3 as well. */
export const PRIORITY_CODE: Record<Priority, string> = { urgent: 'P0', high: 'P1', medium: 'P2', low: 'P3' };

/** Urgent, High and Medium form the "immediate" list for the next sprint planning. */
export const IMMEDIATE_PRIORITIES: readonly Priority[] = ['urgent', 'high', 'medium'];

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

export function priorityFromLinear(value: number): Priority | undefined {
  return PRIORITIES.find((p) => LINEAR_PRIORITY[p] === value);
}

/** "High (P1)" */
export function describePriority(priority: Priority): string {
  return `${PRIORITY_LABEL[priority]} (${PRIORITY_CODE[priority]})`;
}
