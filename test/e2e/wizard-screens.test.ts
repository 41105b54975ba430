import { describe, expect, it } from 'vitest';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

/**
 * The wizard as the engineer sees it, rendered by a terminal emulator from the bytes triage wrote: at 80×24 and
 * 60×20 no line is wider than the screen (the terminal never wraps, so no word is cut), and the review (the
 * summary, then the menu) fits one screen: its first line is still on screen when the menu is drawn.
 */

const WAIT_MS = 30_000;
// One size runs with --no-color, so every step of the wizard is seen both ways.
const SIZES = [
  { cols: 80, rows: 24, colour: true },
  { cols: 60, rows: 20, colour: false },
] as const;

// Select Graphic Rendition: what colours, bold and dim are drawn with.
const SGR = /\x1b\[[0-9;:]*m/;

async function wizard(size: { cols: number; rows: number; colour?: boolean }, args: string[] = []): Promise<PtySession> {
  const home = await tempHome();
  const env: Record<string, string> = { ...baseEnv(home), TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  const global = size.colour === false ? ['--no-color'] : [];
  return new PtySession([...global, 'new', '--sandbox', ...args], { env, cwd: home, cols: size.cols, rows: size.rows });
}

async function pick(s: PtySession, prompt: string, index: number): Promise<void> {
  await s.expect(prompt, WAIT_MS);
  s.write(KEY.down.repeat(index));
  s.write(KEY.enter);
}

/** The review is drawn (the menu's last choice and its key help are on screen) and settled. */
async function reviewOnScreen(s: PtySession, prompt = 'Ready to file?'): Promise<string[]> {
  await s.expect(prompt, WAIT_MS);
  await s.expect('navigate', WAIT_MS);
  await new Promise((r) => setTimeout(r, 150));
  return (await s.screen()).lines;
}

/**
 * Lines wider than the screen that triage drew. The echo of what the engineer types is the terminal's to wrap,
 * as in any shell (a line editor cannot wrap words still being typed), so those rows are set aside.
 */
async function drawnOverflow(s: PtySession): Promise<string[]> {
  return (await s.overflowing()).filter((line) => !line.startsWith('… '));
}

const LONG_REPORT = [
  'Exporting the quarterly revenue dashboard to CSV times out after thirty seconds for every admin user,',
  'write to jane.doe@globex.com or call +1 415 555 0134 when it is fixed; token=' + 'x'.repeat(4) + 'deadbeef'.repeat(5),
  'It started on Monday right after the upgrade to version 2.3 on the European cluster.',
  'Steps: open the dashboard, click export, choose CSV, wait.',
  'Expected: a file. Actual: a spinner, then a gateway timeout page.',
  'Browsers: Chrome 120 and Firefox 121; both fail the same way.',
];

describe.each(SIZES)('the wizard at $cols×$rows (colour: $colour)', (size) => {
  it('every step fits the width, and the review fits one screen, in colour or without', async () => {
    const s = await wizard(size);
    // Started from nothing: the engineer's Pylon queue comes first, the cursor on the newest ticket.
    await s.expect('Start from which request?', WAIT_MS);
    await s.expect('#1048', WAIT_MS);
    s.write(KEY.up); // A new request
    s.write(KEY.enter);
    await s.expect('Customer (company name)', WAIT_MS);
    s.line('Globex Corporation');
    await s.expect("Customer's domains", WAIT_MS);
    s.line('globex.com');
    await s.expect('Contacts', WAIT_MS);
    s.line('Jane Doe <jane.doe@globex.com>');
    await pick(s, 'What kind of request is it?', 1);
    await pick(s, 'Which best describes the impact?', 3); // core functionality
    await s.expect('Keep this priority?', WAIT_MS);
    s.line('');
    await s.expect('Title', WAIT_MS);
    s.line('Quarterly revenue dashboard export to CSV times out for every admin user');
    await s.expect("The customer's report", WAIT_MS);
    for (const line of LONG_REPORT) {
      s.line(line);
      await new Promise((r) => setTimeout(r, 40));
    }
    s.line('');
    const screen = await reviewOnScreen(s);
    const top = screen.findIndex((l) => l.startsWith('High (P1) · Prioritized'));
    expect(top, screen.join('\n')).toBeGreaterThanOrEqual(0);
    const menu = screen.findIndex((l) => l.includes('Ready to file?'));
    expect(menu).toBeGreaterThan(top);
    expect(screen.some((l) => l.includes('Cancel (file nothing)'))).toBe(true);
    // What goes where, the title, the report's first line and what was removed are all on that one screen.
    for (const label of ['Linear', 'GitHub', 'Title', 'Report', 'Removed']) expect(screen.some((l) => l.startsWith(label)), label).toBe(true);
    expect(screen.join('\n')).toContain('Exporting the quarterly');
    expect(screen.join('\n')).not.toContain('deadbeef');
    expect(await drawnOverflow(s)).toEqual([]);
    s.write(KEY.ctrlC);
    await s.expect('nothing was filed', WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(130);
    // Every question, answer, message and the review: coloured in a colour terminal, plain with --no-color.
    if (size.colour) expect(s.raw).toMatch(SGR);
    else expect(s.raw.split('\n').filter((line) => SGR.test(line)), 'lines drawn with colour').toEqual([]);
  }, 120_000);

  it("starts from the engineer's Pylon queue: the newest open ticket not yet in Linear, prefilled", async () => {
    const s = await wizard(size);
    await s.expect('Start from which request?', WAIT_MS);
    await s.expect('#1048', WAIT_MS);
    const screen = (await s.screen()).lines.join('\n');
    // Newest first, each with its customer; linked, closed and colleagues' tickets are not offered.
    expect(screen.indexOf('#1051')).toBeLessThan(screen.indexOf('#1048'));
    expect(screen).toContain('Initech');
    for (const other of ['#1041', '#1049', '#1050', '#1052']) expect(screen).not.toContain(other);
    expect(await drawnOverflow(s)).toEqual([]);
    s.write(KEY.enter);
    await s.expect('Starting from Pylon ticket #1051', WAIT_MS);
    // The customer came from the ticket: the next question is the request type.
    await s.expect('What kind of request is it?', WAIT_MS);
    expect((await s.screen()).lines.join('\n')).not.toContain('Customer (company name)');
    s.write(KEY.ctrlC);
    await s.expect('nothing was filed', WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(130);
  }, 120_000);

  it('Ctrl-C at the queue question files nothing', async () => {
    const s = await wizard(size);
    await s.expect('Start from which request?', WAIT_MS);
    s.write(KEY.ctrlC);
    await s.expect('nothing was filed', WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(130);
  }, 60_000);

  it('the full text is one choice away (in the pager), and the menu comes back after it', async () => {
    const s = await wizard(size, ['--customer', 'Initech', '--type', 'complex', '--impact', 'performance', '--title', 'Reports page is slow']);
    await s.expect("The customer's report", WAIT_MS);
    for (const line of LONG_REPORT) s.line(line);
    s.line('');
    await reviewOnScreen(s);
    s.write(KEY.down); // Show the full text
    s.write(KEY.enter);
    await s.expect('Linear issue (team', WAIT_MS);
    await new Promise((r) => setTimeout(r, 300));
    const paged = (await s.screen()).lines;
    expect(paged.join('\n')).not.toContain('Ready to file?'); // the pager has the screen and waits for a key
    s.write('q');
    const screen = await reviewOnScreen(s);
    expect(screen.some((l) => l.includes('File both issues'))).toBe(true);
    s.write(KEY.enter);
    await s.expect(/Linear: http\S+/, WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(0);
  }, 120_000);

  it('Esc at the review leaves it on screen; "Back" from the edit menu returns to it; nothing is filed until asked', async () => {
    const s = await wizard(size, ['--customer', 'Initech', '--type', 'complex', '--impact', 'performance', '--title', 'Reports page is slow']);
    await s.expect("The customer's report", WAIT_MS);
    s.line('The reports page takes twenty seconds to load');
    s.line('');
    await reviewOnScreen(s);
    s.write('\x1b');
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.screen()).lines.some((l) => l.includes('File both issues'))).toBe(true);
    s.write(KEY.down.repeat(2)); // Edit or change something…
    s.write(KEY.enter);
    await s.expect('What do you want to change?', WAIT_MS);
    s.write(KEY.up); // loop is off: the last choice is "Back to the review"
    s.write(KEY.down.repeat(8));
    s.write(KEY.enter);
    await s.expect('Ready to file?', WAIT_MS);
    s.write(KEY.ctrlC);
    await s.expect('nothing was filed', WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(130);
    expect(await drawnOverflow(s)).toEqual([]);
  }, 120_000);
});

describe('colour in the wizard', () => {
  async function firstQuestion(args: string[], extraEnv: Record<string, string>): Promise<PtySession> {
    const home = await tempHome();
    const env: Record<string, string> = { ...baseEnv(home), TERM: 'xterm-256color', ...extraEnv };
    delete env.NO_COLOR;
    Object.assign(env, extraEnv);
    const s = new PtySession([...args, 'new', '--sandbox'], { env, cwd: home });
    await s.expect('Start from which request?', WAIT_MS);
    // The choice under the cursor and the key help are drawn: everything a prompt colours.
    await s.expect('navigate', WAIT_MS);
    // Answered, the prompt redraws with its answer (coloured too) and the next question comes.
    s.write(KEY.enter);
    await s.expect('?', WAIT_MS);
    await new Promise((r) => setTimeout(r, 150));
    return s;
  }

  it.each([
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }],
  ])('%s draws the prompts without a colour or style code', async (_label, args, extraEnv) => {
    const s = await firstQuestion(args, extraEnv);
    expect(s.raw).not.toMatch(SGR);
    s.write(KEY.ctrlC);
    await s.exit();
  });

  it('a colour terminal gets coloured prompts', async () => {
    const s = await firstQuestion([], {});
    expect(s.raw).toMatch(SGR);
    s.write(KEY.ctrlC);
    await s.exit();
  });
});
