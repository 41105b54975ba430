import { afterEach, describe, expect, it } from 'vitest';
import { PylonGateway } from '../../src/services/pylon/gateway.js';
import { createPylonEmulator, type PylonEmulator } from '../../src/sandbox/pylon/emulator.js';
import { createPylonState } from '../../src/sandbox/pylon/state.js';
import { testTokens } from '../support/tokens.js';

let emulator: PylonEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function start(accounts: number) {
  const tokens = testTokens();
  const state = createPylonState({
    tokens: [{ token: tokens.pylon }],
    accounts: Array.from({ length: accounts }, (_, i) => ({ id: `acct-${String(i).padStart(5, '0')}`, name: `Customer ${i}` })),
  });
  emulator = createPylonEmulator({ state });
  const baseUrl = await emulator.start();
  const gateway = PylonGateway.create({ token: tokens.pylon, baseUrl, fetch: globalThis.fetch, sleep: async () => {} });
  return { tokens, baseUrl, gateway, emulator };
}

describe('Pylon accounts, in pages', () => {
  it('GET /accounts: limit is required and below 1000; cursors page through every account once', async () => {
    const { tokens, baseUrl } = await start(2_500);
    const get = async (query: string) => {
      const response = await fetch(`${baseUrl}/accounts${query}`, { headers: { authorization: `Bearer ${tokens.pylon}` } });
      return { status: response.status, body: (await response.json()) as { data?: Array<{ id: string }>; pagination?: { cursor: string; has_next_page: boolean } } };
    };
    expect((await get('')).status).toBe(400);
    expect((await get('?limit=1000')).status).toBe(400);
    expect((await get('?limit=0')).status).toBe(400);
    expect((await get('?limit=10&cursor=bogus')).status).toBe(400);
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await get(`?limit=999${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data!.map((a) => a.id));
      cursor = page.body.pagination!.has_next_page ? page.body.pagination!.cursor : '';
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(2_500);
  });

  it('accountNames: many ids from the list (stopping once all are found), a few by lookup', async () => {
    const { gateway, emulator } = await start(2_500);
    const many = Array.from({ length: 1_000 }, (_, i) => `acct-${String(i).padStart(5, '0')}`);
    const names = await gateway.accountNames(many);
    expect(names.size).toBe(1_000);
    expect(names.get('acct-00042')).toBe('Customer 42');
    expect(emulator.server.count((r) => r.operation === 'pylon.accounts.list')).toBe(2);
    expect(emulator.server.count((r) => r.operation === 'pylon.accounts.get')).toBe(0);

    const few = await gateway.accountNames(['acct-02000', 'acct-missing']);
    expect([...few]).toEqual([['acct-02000', 'Customer 2000']]);
    expect(emulator.server.count((r) => r.operation === 'pylon.accounts.get')).toBe(2);
    expect(emulator.server.count((r) => r.operation === 'pylon.accounts.list')).toBe(2);
  });
});
