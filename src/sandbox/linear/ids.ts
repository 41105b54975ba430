import { createHash, randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is shaped like the UUIDs Linear uses for ids. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A fresh id for an entity the emulator creates at run time. */
export function newUuid(): string {
  return randomUUID();
}

/**
 * A UUID v4-shaped id derived from a seed, so fixtures built twice from the same description get the same ids
 * (stable snapshots, a demo workspace whose links survive a restart).
 */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
