import { randomBytes } from 'node:crypto';

/** Token-shaped strings are made at run time: none is ever committed. */
export function fakeToken(prefix: string, bytes = 20): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

export function testTokens() {
  return { linear: fakeToken('lin_api_'), github: fakeToken('ghp_', 18), pylon: fakeToken('pylon_', 16) };
}
