import type { PairSink } from './pairs.js';
import { readAssigned } from './assign.js';
import { looksRandom } from '../entropy.js';

/**
 * Credentials in the shapes of command lines and credential files, where the key and the value are not joined
 * by `=` or `:` and so escape the assignment scanner:
 *
 *   setx / config set          setx GITHUB_PAT v   npm config set //host/:_authToken v   git config user.password v
 *   password flags             docker login -u bot -p v   sshpass -p v   redis-cli -a v   mysql -pv (assign.ts)
 *   curl user:password         curl -u user:'v'   --user "{user}":"{v}"   -u TOKEN: (a key sent as the user name)
 *   PowerShell                 ConvertTo-SecureString "v" -AsPlainText
 *   Python                     requests.get(url, auth=('user', 'v'))   HTTPBasicAuth('user', 'v')
 *   .pgpass                    host:port:database:user:password
 *   Terraform variables        variable "db_password" { … default = "v" … }
 *   OAuth redirects            …/callback?code=v&state=…   (the authorization code, a one-time credential)
 *
 * Each pattern is anchored on a literal, bounded, and reports the pair to the one judge (values.ts).
 */

/** `setx KEY v`, `npm|yarn|pnpm config set KEY v`, `git config [--global] KEY v`, `heroku config:set` is assign's. */
const CONFIG_SET =
  /(?<![\w-])(?:setx|(?:npm|yarn|pnpm|bun|pip|poetry|conda|git|composer|gem|bundle|dotnet nuget)[ \t]{1,4}config(?:[ \t]{1,4}(?:set|--global|--local|--system|--user|--project|-g|--add))*)[ \t]{1,4}([^\s=]{1,160})[ \t]{1,4}(?=[^\s-])/g;

/** A password flag after a command whose `-p` / `-a` is a password (elsewhere `-p` is a port or a path). */
const PASSWORD_FLAG =
  /(?<![\w-])(?:(?:docker|podman|nerdctl|buildah|skopeo|oras|helm(?:[ \t]{1,4}registry)?)[ \t]{1,4}login\b[^\n|;&]{0,200}?[ \t](?:-p|--password)|sshpass[ \t]{1,4}-p|redis-cli\b[^\n|;&]{0,200}?[ \t]-a|mongo(?:sh)?\b[^\n|;&]{0,200}?[ \t]-p)(?:[ \t]{1,4}|=)(?=[^\s-])/g;

/** Python's `auth=('user', 'password')` (requests, httpx, aiohttp.BasicAuth('user', 'password')). */
const AUTH_TUPLE = /(?:\bauth[ \t]{0,2}=[ \t]{0,2}\(|BasicAuth\(|HTTPBasicAuth\(|HTTPDigestAuth\()[ \t]{0,2}(["'])[^"'\n]{1,128}\1[ \t]{0,2},[ \t]{0,2}(?=["'])/g;

/** `-u` / `--user` and its argument as a shell word: quoted and bare pieces joined (`kevin:'p'`, `"u":"p"`). */
const CURL_USER = /(?<![\w-])(?:-u|--user|--proxy-user|-U)(?:[ \t]{1,4}|=)((?:"[^"\n]{0,256}"|'[^'\n]{0,256}'|[^\s"'|;&]{1,256}){1,6})/g;

export const HTTP_CLIENT = /(?:^|[\s/|;&(])(?:curl|wget|http|https|httpie|xh|lftp|svn|ab|siege|hey|grpcurl|websocat)(?:\.exe)?[ \t]/;

const SECURE_STRING = /ConvertTo-SecureString(?:[ \t]{1,4}-String)?[ \t]{1,4}(?=["'])/gi;

/** `.pgpass`: five colon-separated fields, the second a port or `*`. */
const PGPASS = /^([^\s:#][^\s:]{0,253}):(\d{1,5}|\*):([^\s:]{1,128}):([^\s:]{1,128}):([^\s]{1,256})\r?$/gm;

/** A Terraform variable block: the label names the field, its `default` holds the value. */
const TF_VARIABLE = /\bvariable[ \t]{1,4}"([A-Za-z_][\w-]{0,127})"[ \t]{0,4}\{/g;
const TF_DEFAULT = /^[ \t]{0,16}default[ \t]{0,4}=[ \t]{0,4}/m;

/** An OAuth authorization code in a redirect URL's query or fragment. */
const OAUTH_CODE = /[?#&](?:code|auth_code|authorization_code)=([A-Za-z0-9._~%/+-]{16,2048})/g;

export function readCommandLines(text: string, sink: PairSink): void {
  CONFIG_SET.lastIndex = 0;
  for (let m = CONFIG_SET.exec(text); m !== null; m = CONFIG_SET.exec(text)) {
    const span = readAssigned(text, m.index + m[0].length, false);
    if (!span) continue;
    CONFIG_SET.lastIndex = Math.max(CONFIG_SET.lastIndex, span.end);
    sink(m[1] ?? '', span.start, span.end, 'command line');
  }
  PASSWORD_FLAG.lastIndex = 0;
  for (let m = PASSWORD_FLAG.exec(text); m !== null; m = PASSWORD_FLAG.exec(text)) {
    const span = readAssigned(text, m.index + m[0].length, false);
    if (span) sink('password', span.start, span.end, 'command line', m[0].trim().split(/\s+/)[0]);
  }
  if (text.includes('(')) {
    AUTH_TUPLE.lastIndex = 0;
    for (let m = AUTH_TUPLE.exec(text); m !== null; m = AUTH_TUPLE.exec(text)) {
      const span = readAssigned(text, m.index + m[0].length, false);
      if (span) sink('password', span.start, span.end, 'call', 'auth');
    }
  }
  if (/-u|--user|-U/.test(text)) {
    CURL_USER.lastIndex = 0;
    for (let m = CURL_USER.exec(text); m !== null; m = CURL_USER.exec(text)) {
      // `-u` is a user:password for HTTP clients; for ps, sort or docker it is something else.
      const window = text.slice(Math.max(0, m.index - 300), m.index);
      const line = window.slice(window.lastIndexOf('\n') + 1);
      if (!HTTP_CLIENT.test(line)) continue;
      readUserArgument(text, m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', sink);
    }
  }
  if (/ConvertTo-SecureString/i.test(text)) {
    SECURE_STRING.lastIndex = 0;
    for (let m = SECURE_STRING.exec(text); m !== null; m = SECURE_STRING.exec(text)) {
      const span = readAssigned(text, m.index + m[0].length, false);
      if (span) sink('password', span.start, span.end, 'command line', 'ConvertTo-SecureString');
    }
  }
  if (text.includes(':')) {
    PGPASS.lastIndex = 0;
    for (let m = PGPASS.exec(text); m !== null; m = PGPASS.exec(text)) {
      // Not an IPv6 address or a colon-separated run of numbers: the database and the user are names.
      if (!/[g-z_*]/i.test(`${m[3] ?? ''}${m[4] ?? ''}`)) continue;
      const password = m[5] ?? '';
      const start = m.index + m[0].length - password.length - (m[0].endsWith('\r') ? 1 : 0);
      sink('password', start, start + password.length, '.pgpass', 'pgpass');
    }
  }
  if (text.includes('variable')) {
    TF_VARIABLE.lastIndex = 0;
    for (let m = TF_VARIABLE.exec(text); m !== null; m = TF_VARIABLE.exec(text)) {
      const from = m.index + m[0].length;
      const close = text.indexOf('}', from);
      const block = text.slice(from, close < 0 ? Math.min(text.length, from + 2000) : Math.min(close, from + 2000));
      const d = TF_DEFAULT.exec(block);
      if (!d) continue;
      const span = readAssigned(text, from + d.index + d[0].length, false);
      if (span) sink(m[1] ?? '', span.start, span.end, 'terraform variable', m[1]);
    }
  }
  if (text.includes('code=')) {
    OAUTH_CODE.lastIndex = 0;
    for (let m = OAUTH_CODE.exec(text); m !== null; m = OAUTH_CODE.exec(text)) {
      const code = m[1] ?? '';
      if (!looksRandom(decodeURIComponentSafe(code))) continue;
      const start = m.index + m[0].length - code.length;
      sink('authorization_code', start, start + code.length, 'query string', 'code');
    }
  }
}

/** Reports the password of a `user:password` argument, or the user when it is a key with no password. */
function readUserArgument(text: string, start: number, arg: string, sink: PairSink): void {
  const colon = arg.indexOf(':');
  if (colon < 0) return;
  if (arg.startsWith('<')) return; // curl -u <user:password>
  // Quotes go; braces only when they wrap the whole part (`"{user}":"{pw}"`), not those of `${PASSWORD}`.
  const strip = (from: number, to: number): [number, number] => {
    let s = from;
    let e = to;
    while (s < e && /["']/.test(arg.charAt(s))) s += 1;
    while (e > s && /["']/.test(arg.charAt(e - 1))) e -= 1;
    if (e - s >= 2 && arg.charAt(s) === '{' && arg.charAt(e - 1) === '}' && !arg.slice(s + 1, e - 1).includes('{')) return [s + 1, e - 1];
    return [s, e];
  };
  const [ps, pe] = strip(colon + 1, arg.length);
  const [us, ue] = strip(0, colon);
  const user = arg.slice(us, ue);
  const password = arg.slice(ps, pe);
  if (/^\d+$/.test(user) && /^\d+$/.test(password)) return; // docker -u 1000:1000 is uid:gid
  if (password.length > 0) sink('password', start + ps, start + pe, 'command line', '-u user:password');
  else if (looksRandom(user)) sink('api_token', start + us, start + ue, 'command line', '-u key:');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
