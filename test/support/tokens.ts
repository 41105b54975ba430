import { randomBytes } from 'node:crypto';

/** Token-shaped strings are made at run time: none is ever committed. */
export function fakeToken(prefix: string, bytes = 20): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

export function testTokens() {
  return {
    linear: fakeToken('lin_api_'),
    github: fakeToken('ghp_', 18),
    pylon: fakeToken('pylon_', 16),
    /** 32 hex characters, the shape of an Events API v2 integration key. */
    pagerduty: fakeToken('', 16),
    slackBot: `${['xo', 'xb'].join('')}-${fakeToken('', 6)}-${fakeToken('', 12)}`,
    slackWebhookSecret: fakeToken('', 12),
  };
}
