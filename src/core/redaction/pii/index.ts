import type { Candidate } from '../candidate.js';
import { detectAddresses } from './address.js';
import { detectDisplayNames } from './display-name.js';
import { detectDatesOfBirth } from './dob.js';
import { detectHomeDirs } from './home-dir.js';
import { detectNationalIds } from './national-id.js';

/** Personal data that needs context or a validator to be told apart from benign text of the same shape. */
export function detectContextualPii(text: string): Candidate[] {
  return [...detectDatesOfBirth(text), ...detectNationalIds(text), ...detectAddresses(text), ...detectDisplayNames(text), ...detectHomeDirs(text)];
}
