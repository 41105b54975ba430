import { REDACT_TARGETS } from './targets.js';
import { neutralizeControls } from '../../core/text-safety.js';
import { raceInterrupt } from '../../cli/interrupts.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { ConfigError, FailureError, UsageError } from '../../errors.js';
import { createRedactor, explainLines, summarizeFindings } from '../../core/redaction/index.js';
import type { RedactionTarget } from '../../core/redaction/types.js';
import { fileProblem, parseContact } from '../new/options.js';
import type { RedactFlags } from './register.js';

async function readInput(ctx: Context, file: string | undefined): Promise<string> {
  if (file && file !== '-') {
    try {
      return await readFile(resolve(ctx.cwd, file), 'utf8');
    } catch (error) {
      throw new UsageError(`--file ${file}: ${fileProblem(error)}`, { hint: 'Pass the path of a text file, or pipe the text in on stdin.' });
    }
  }
  // At a terminal the text is pasted here, as `cat` reads it: refusing would leave a paste of secrets to the
  // shell, which runs each line and keeps it in its history.
  if (ctx.io.streams.stdin.isTTY) {
    ctx.io.info('Paste or type the text, then press Ctrl-D on a line of its own (Ctrl-C: nothing is printed). Or pipe it in, or pass --file <path>.');
  }
  const chunks: Buffer[] = [];
  const read = (async () => {
    for await (const chunk of ctx.io.streams.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  })();
  // Ctrl-C while a paste is being read stops at once (stdin would otherwise hold the run until the entry point's
  // grace period ends it).
  await raceInterrupt(read, ctx.interrupts.signal);
  return Buffer.concat(chunks).toString('utf8');
}

/** A filter: text in, redacted text out. The config is optional here (it only adds patterns and allowances). */
export async function redactCommand(ctx: Context, flags: RedactFlags): Promise<void> {
  const target = (flags.target ?? 'github').toLowerCase();
  if (target !== 'github' && target !== 'linear') throw new UsageError(`Unknown --target "${flags.target}". Valid targets: ${REDACT_TARGETS.join(', ')}`);
  ctx.useConfigPath(flags.config);
  let extras: { allow: string[]; extraPatterns: Array<{ kind: string; pattern: string }> } = { allow: [], extraPatterns: [] };
  try {
    extras = (await ctx.config()).redaction;
  } catch (error) {
    if (!(error instanceof ConfigError) || flags.config) throw error;
  }
  const text = await readInput(ctx, flags.file);
  const redactor = createRedactor({
    target: target as RedactionTarget,
    identity: {
      customers: flags.customer ?? [],
      domains: flags.customerDomain ?? [],
      contacts: (flags.contact ?? []).map(parseContact),
      terms: flags.term ?? [],
    },
    allow: extras.allow,
    extraPatterns: extras.extraPatterns,
  });
  let result;
  try {
    result = await redactor.redact(text);
  } catch {
    // Fail closed: print nothing of the input.
    throw new FailureError('Redaction failed; nothing was printed');
  }
  if (flags.json) {
    ctx.io.json({ text: result.text, findings: result.findings, summary: summarizeFindings(result.findings) });
    return;
  }
  // Into a pipe or a file, the text is byte for byte what was redacted; on a terminal, its control
  // sequences are shown, not obeyed (a pasted log must not clear the screen or retitle the window).
  ctx.io.streams.stdout.write(ctx.io.streams.stdout.isTTY ? neutralizeControls(result.text) : result.text);
  if (flags.explain) {
    // The text on stdout stays byte for byte what was redacted; only the terminal gets a line break.
    if (ctx.io.streams.stdout.isTTY && result.text.length > 0 && !result.text.endsWith('\n')) ctx.io.err('');
    ctx.io.err(explainLines(text, result.findings).join('\n'));
    return;
  }
  const summary = Object.entries(summarizeFindings(result.findings));
  if (ctx.io.streams.stderr.isTTY || ctx.io.debugEnabled) {
    ctx.io.err(ctx.io.color.dim(summary.length ? `Redacted: ${summary.map(([k, n]) => `${n} ${k}`).join(', ')}` : 'Nothing to redact'));
  }
}
