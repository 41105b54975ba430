import { AI } from './ai.js';
import { CLOUD } from './cloud.js';
import { COMMUNICATION } from './communication.js';
import { familyKind, familyLabel, type Family } from './family.js';
import { GENERIC } from './generic.js';
import { MONITORING } from './monitoring.js';
import { PAYMENT } from './payment.js';
import { SAAS } from './saas.js';
import { VCS_CI } from './vcs-ci.js';

/** Every provider family, one entry each; see family.ts for the three shapes. */
export const FAMILIES: readonly Family[] = [...VCS_CI, ...CLOUD, ...COMMUNICATION, ...AI, ...PAYMENT, ...MONITORING, ...SAAS, ...GENERIC];

let labels: Map<string, string> | undefined;

/** kind → placeholder label for every kind the catalogue reports. */
export function catalogueLabels(): ReadonlyMap<string, string> {
  if (!labels) {
    labels = new Map();
    for (const f of FAMILIES) labels.set(familyKind(f), familyLabel(f));
  }
  return labels;
}
