import type { Candidate } from '../candidate.js';

/**
 * A home directory carries its owner's login, which is often their name (`/Users/jsmith`, `C:\Users\Jane
 * Doe`): stack traces, config paths and shell prompts paste it into tickets on every OS. Only the user
 * segment goes (`/Users/[USER_1]/project/app.py`), so the path still tells where the file was.
 *
 * Read: macOS `/Users/<name>`, Linux `/home/<name>` (also `/var/home`, `/export/home`), Windows
 * `C:\Users\<name>` and `C:\Documents and Settings\<name>` with `\`, `/`, JSON's `\\` and `\/`, WSL and Git
 * Bash mounts (`/mnt/c/Users/…`, `/c/Users/…`), `file://` URLs, and `~name/` (a user's home in a shell, or a
 * personal page on a web server). The directory must open a path (after a space, a quote, `=`, `:`, `(` or
 * the start), so `/api/home/banner.png` and `/static/Users/list` stay. Accounts that name a role, an image
 * or a CI runner (`root`, `ubuntu`, `runner`, `Public`) and placeholders (`<you>`, `$USER`, `%USERNAME%`,
 * `{user}`) are kept: they say nothing about a person.
 */

/** One path separator as it is written raw, in JSON (`\\`, `\/`) or in a Windows path. */
const SEP = String.raw`(?:\\\\|\\\/|\\|\/)`;
/** A login: a letter or digit first; a Windows profile may hold spaces, but only where a separator follows. */
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}._'’-]{0,63}(?:(?: [\p{L}\p{N}][\p{L}\p{N}._'’-]{0,30}){1,3}(?=${SEP}))?`;
const ROOT = String.raw`(?:[A-Za-z]:|${SEP}mnt${SEP}[a-z]|${SEP}[a-z](?=${SEP}[Uu]sers)|${SEP}(?:var|export))?`;
const HOME_DIR = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}_.\-\/\\~$%])|(?<=file:\/\/\/?))${ROOT}${SEP}(?:[Uu][Ss][Ee][Rr][Ss]|home|Documents and Settings)${SEP}(${NAME})`,
  'dyu',
);

/** Logins that name a role, a distribution's default account, a container image or a CI runner. */
const GENERIC_LOGINS: ReadonlySet<string> = new Set(
  `root admin administrator user users guest public default defaultuser0 defaultapppool shared all users
  ubuntu debian centos fedora rocky almalinux alpine ec2-user azureuser opc pi vagrant core bitnami cloud-user
  runner runneradmin vsts vssadministrator circleci travis jenkins buildkite buildkite-agent gitlab-runner
  build builder ci deploy deployer git codespace vscode gitpod coder jovyan linuxbrew ansible
  docker node app appuser application www www-data nginx apache postgres mysql redis mongodb elastic nobody
  daemon service svc test tester testuser demo example sample me you yourname your-name your_name username
  user_name yourusername your-username your_username name foo bar baz xxx`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
/** Multi-word Windows profiles that belong to no one. */
const GENERIC_PROFILES = /^(?:all users|default user|local service|network service)$/i;

export function isGenericLogin(name: string): boolean {
  const lower = name.toLowerCase();
  return GENERIC_LOGINS.has(lower) || GENERIC_PROFILES.test(lower) || /^x+$/.test(lower);
}

const verdicts = new Map<string, boolean>();

function candidate(start: number, raw: string, via: string): Candidate | undefined {
  const name = raw.replace(/[._-]+$/, '');
  let generic = verdicts.get(name);
  if (generic === undefined) {
    generic = name.length === 0 || isGenericLogin(name);
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(name, generic);
  }
  if (generic) return undefined;
  return {
    kind: 'username',
    start,
    end: start + name.length,
    confidence: 'medium',
    key: name.toLowerCase(),
    rule: 'path',
    why: `the user segment of ${via}`,
  };
}

/** Where a home directory may be named; the full pattern is only tried in a short window around each. */
const DIRECTORY_WORD = /[Uu][Ss][Ee][Rr][Ss]|home|Documents and Settings/g;
/** The longest root and separator before the directory word (`\\/mnt\\/c\\/`). */
const BEFORE = 16;
const TILDE_AT = /~([\p{L}_][\p{L}\p{N}._-]{0,31})(?=[/\\])/uy;

export function detectHomeDirs(text: string): Candidate[] {
  const found: Candidate[] = [];
  let done = 0;
  DIRECTORY_WORD.lastIndex = 0;
  for (let w = DIRECTORY_WORD.exec(text); w !== null; w = DIRECTORY_WORD.exec(text)) {
    const k = w.index;
    // The path opens a few characters before the word: try the pattern anchored at each place it could.
    for (let j = Math.max(done, k - BEFORE); j < k; j += 1) {
      const ch = text.charCodeAt(j);
      if (ch !== 0x2f && ch !== 0x5c && !((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a && text.charCodeAt(j + 1) === 0x3a)) continue;
      HOME_DIR.lastIndex = j;
      const m = HOME_DIR.exec(text);
      const at = m?.indices?.[1];
      if (!m || !at || m[1] === undefined) continue;
      const c = candidate(at[0], m[1], 'a home directory');
      if (c) found.push(c);
      done = at[1];
      DIRECTORY_WORD.lastIndex = Math.max(DIRECTORY_WORD.lastIndex, done);
      break;
    }
  }
  for (let t = text.indexOf('~'); t >= 0; t = text.indexOf('~', t + 1)) {
    if (t > 0 && /[\p{L}\p{N}_.~-]/u.test(text.charAt(t - 1))) continue;
    TILDE_AT.lastIndex = t;
    const m = TILDE_AT.exec(text);
    if (m?.[1] === undefined) continue;
    const c = candidate(t + 1, m[1], 'a ~user home');
    if (c) found.push(c);
  }
  return found;
}
