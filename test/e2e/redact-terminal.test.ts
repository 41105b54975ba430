import { describe, expect, it } from 'vitest';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

// A paste refused here would go to the shell instead: each line run as a command and kept in its history.
describe('triage redact at a terminal', () => {
  const email = ['nora.quinn', 'globex.com'].join('@');

  it('reads a paste until Ctrl-D and prints it redacted', async () => {
    const home = await tempHome();
    const s = new PtySession(['redact'], { env: baseEnv(home), cwd: home });
    await s.expect('press Ctrl-D');
    s.line(`export failed for ${email}`);
    s.line('request_id=4bf92f35');
    s.write('\x04');
    await s.expect('export failed for [EMAIL');
    expect(await s.exit()).toBe(0);
    const after = s.text.slice(s.text.indexOf('export failed for ['));
    expect(after).not.toContain(email);
    expect(after).toContain('request_id=4bf92f35');
  });

  it('Ctrl-C prints nothing of the text', async () => {
    const home = await tempHome();
    const s = new PtySession(['redact'], { env: baseEnv(home), cwd: home });
    await s.expect('press Ctrl-D');
    s.line(`half a paste for ${email}`);
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(s.text).not.toContain('[EMAIL');
  });
});
