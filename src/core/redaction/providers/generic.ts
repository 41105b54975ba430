import { infix, prefix, type Family } from './family.js';

/** Formats shared by many providers. */
export const GENERIC: readonly Family[] = [
  // JSON Web Tokens: base64url header and payload that both open with `{"` (eyJ), optional signature.
  prefix('jwt', 'JSON Web Token', 'eyJ', '[A-Za-z0-9_-]{8,8192}\\.eyJ[A-Za-z0-9_-]{4,65536}\\.[A-Za-z0-9_-]{0,8192}', { kind: 'jwt', keep: 0, allowRuns: true }),
  infix('maxmind-license-key', 'MaxMind', '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}', 36, '_mmk', ''),
];
