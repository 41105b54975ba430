import { randomBytes } from 'node:crypto';
import { LinearClient } from '@linear/sdk';
import { buildSchema, isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinearEmulator, createLinearState, type LinearEmulator } from '../../src/sandbox/linear/emulator.js';
import { filterSpecsByInputType } from '../../src/sandbox/linear/filter-specs.js';
import { LOGICAL_FILTER_KEYS } from '../../src/sandbox/linear/filters.js';
import { branchName, issueUrl, titleSlug } from '../../src/sandbox/linear/issue-naming.js';
import { linearSchema, linearSchemaSdl } from '../../src/sandbox/linear/schema.js';

describe('Linear emulator schema', () => {
  it('is valid SDL (the emulator builds it with assumeValidSDL)', () => {
    expect(() => buildSchema(linearSchemaSdl)).not.toThrow();
  });

  it('has a filter spec for every filter input type, handling exactly the declared fields', () => {
    const filterTypes = Object.values(linearSchema().getTypeMap()).filter((t) => isInputObjectType(t) && t.name.endsWith('Filter'));
    expect(filterTypes.map((t) => t.name).sort()).toEqual(Object.keys(filterSpecsByInputType).sort());
    for (const type of filterTypes) {
      if (!isInputObjectType(type)) continue;
      const spec = filterSpecsByInputType[type.name]!;
      const declared = Object.keys(type.getFields()).filter((f) => !LOGICAL_FILTER_KEYS.includes(f));
      expect({ type: type.name, fields: declared.sort() }).toEqual({ type: type.name, fields: Object.keys(spec.fields).sort() });
    }
  });

  it('builds deterministic ids and Linear-style names', () => {
    const a = createLinearState({ teams: [{ key: 'SUP' }], issues: [{ teamId: 'SUP', title: 'One' }, { teamId: 'SUP', title: 'Two', stateId: 'Done' }] });
    const b = createLinearState({ teams: [{ key: 'SUP' }], issues: [{ teamId: 'SUP', title: 'One' }, { teamId: 'SUP', title: 'Two', stateId: 'Done' }] });
    expect(a.issues.map((i) => i.id)).toEqual(b.issues.map((i) => i.id));
    expect(a.issues.map((i) => i.number)).toEqual([1, 2]);
    expect(a.issues[1]?.completedAt).not.toBeNull();
    expect(a.apiKeys[0]?.key).not.toBe(b.apiKeys[0]?.key);

    expect(titleSlug('Ünïcode & punctuation: "quoted" -- ok?')).toBe('unicode-punctuation-quoted-ok');
    expect(titleSlug('word '.repeat(30)).length).toBeLessThanOrEqual(50);
    expect(issueUrl('https://linear.app', 'acme', 'SUP-7', 'Fix it')).toBe('https://linear.app/acme/issue/SUP-7/fix-it');
    expect(branchName({ displayName: 'Erin', name: 'Erin Park' }, 'SUP-7', 'Fix it')).toBe('erin/sup-7-fix-it');
  });
});

describe('Linear emulator: the SDK read operations it serves', () => {
  let emu: LinearEmulator;
  let client: LinearClient;

  beforeAll(async () => {
    const key = `lin_api_${randomBytes(20).toString('hex')}`;
    emu = createLinearEmulator({
      webUrl: 'https://linear.test/',
      state: createLinearState({
        users: [{ email: 'sam@acme.test', name: 'Sam Rivera' }],
        apiKeys: [{ key, userId: 'sam@acme.test' }],
        teams: [{ key: 'SUP' }],
        issueLabels: [{ name: 'Bug', teamId: 'SUP' }],
        issues: [{ teamId: 'SUP', title: 'Seeded issue', labelIds: ['Bug'], assigneeId: 'sam@acme.test' }],
        attachments: [{ issueId: 'SUP-1', url: 'https://github.com/acme/app/issues/1', metadata: { number: 1 } }],
        comments: [{ issueId: 'SUP-1', body: 'Seeded comment' }],
        customers: [{ name: 'Globex', domains: ['globex.com'] }],
        customerNeeds: [{ customerId: 'Globex', issueId: 'SUP-1', body: 'Needs it' }],
      }),
    });
    client = new LinearClient({ apiKey: key, apiUrl: `${await emu.start()}/graphql` });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('serves single-entity queries and connections', async () => {
    const state = emu.state;
    const issue = await client.issue('SUP-1');
    expect(issue.url).toBe('https://linear.test/acme/issue/SUP-1/seeded-issue');
    expect((await client.workflowState(state.workflowStates[0]!.id)).name).toBe('Backlog');
    expect((await client.issueLabel(state.issueLabels[0]!.id)).name).toBe('Bug');
    expect((await client.user(state.users[0]!.id)).url).toBe('https://linear.test/acme/profiles/sam');
    expect((await client.attachment(state.attachments[0]!.id)).metadata).toEqual({ number: 1 });
    expect((await client.comment({ id: state.comments[0]!.id })).body).toBe('Seeded comment');
    expect((await client.comments({ filter: { body: { contains: 'Seeded' } } })).nodes).toHaveLength(1);
    expect((await client.customer(state.customers[0]!.id)).domains).toEqual(['globex.com']);
    expect((await client.customerNeed({ id: state.customerNeeds[0]!.id })).body).toBe('Needs it');
    const team = await client.team('SUP');
    expect((await team.issues()).nodes.map((i) => i.identifier)).toEqual(['SUP-1']);
    expect(team.viewerCanLeave).toBe(true);
    const limits = await client.rateLimitStatus;
    expect(limits.limits.map((l) => l.type)).toEqual(['requestLimit', 'complexityLimit']);
  });
});
