import type { Context } from '../../context.js';
import { wrapWords } from '../../cli/text-wrap.js';
import { CheckFailedError, ConfigError } from '../../errors.js';
import { githubChecks, linearChecks, pagingChecks, pylonChecks, type Check } from './checks.js';
import type { DoctorFlags } from './register.js';

/** One line per check, each failure with its fix; exit 0 only when everything passes. */
export async function doctorCommand(ctx: Context, flags: DoctorFlags): Promise<void> {
  ctx.useConfigPath(flags.config);
  const checks: Check[] = [];
  let config;
  try {
    config = await ctx.config();
    checks.push({ name: 'Config', ok: true, detail: `${config.source} is valid` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.push({ name: 'Config', ok: false, detail: error.message, fix: error.hint ?? 'See .triagerc.example.json.' });
  }
  if (config) {
    const [linear, github, pylon, paging] = await Promise.all([linearChecks(ctx, config), githubChecks(ctx, config), pylonChecks(ctx, config), pagingChecks(ctx, config)]);
    checks.push(...linear, ...github, ...pylon, ...paging);
  }
  const ok = checks.every((c) => c.ok);
  if (flags.json) {
    ctx.io.json({ ok, checks });
  } else {
    const c = ctx.io.color;
    const width = ctx.io.outProse;
    for (const check of checks) {
      ctx.io.out(wrapWords(`${check.name}: ${check.detail}`, width, '  ', `${check.ok ? c.green('✓') : c.red('✗')} `).join('\n'));
      if (!check.ok && check.fix) ctx.io.out(wrapWords(check.fix, width, '         ', `    ${c.dim('fix:')} `).join('\n'));
    }
  }
  if (!ok) throw new CheckFailedError(`${checks.filter((c) => !c.ok).length} of ${checks.length} checks failed`);
}
