/**
 * Corpus cases for leak families found on text written outside the project (session 6): names in account
 * records, phone numbers libphonenumber calls invalid, home directories, id|secret pairs. Each family has
 * hard negatives of the same shape next to it. `{{NAME}}` values are generated at run time.
 */
import type { CorpusCase } from './corpus.js';

const c = (id: string, text: string, redact: Array<[string, string]>, keep: string[] = []): CorpusCase => ({ id, text, redact, keep });

/** A record whose only other field is a credential is an account: its name member names the holder. */
const ACCOUNT_RECORDS: CorpusCase[] = [
  c('account-json-password', '{"name": "{{FULL_NAME}}", "password": "{{PASSWORD}}"}', [['contact', '{{FULL_NAME}}'], ['password', '{{PASSWORD}}']], ['{"name": "']),
  c('account-json-user-token', '{"user":"{{FULL_NAME}}","api_token":"{{ALNUM32}}"}', [['contact', '{{FULL_NAME}}'], ['secret', '{{ALNUM32}}']], ['{"user":"']),
  c('account-yaml', 'credentials:\n  name: {{FULL_NAME}}\n  secret: {{HEX32}}', [['contact', '{{FULL_NAME}}'], ['secret', '{{HEX32}}']], ['credentials:']),
  c('account-logfmt', 'login ok name="{{FULL_NAME}}" api_key="{{ALNUM32}}"', [['contact', '{{FULL_NAME}}'], ['secret', '{{ALNUM32}}']], ['login ok name="']),
  c('account-apostrophe', '{"display_name": "Siobhan O\'Brien", "session_token": "{{HEX64}}"}', [['contact', "Siobhan O'Brien"], ['secret', '{{HEX64}}']], ['{"display_name": "']),
  c('account-csv', 'name,password\n{{FULL_NAME}},{{PASSWORD}}', [['contact', '{{FULL_NAME}}'], ['password', '{{PASSWORD}}']], ['name,password']),
  c('account-sql', "INSERT INTO logins (login, passwd) VALUES ('{{FULL_NAME}}', '{{PASSWORD}}');", [['contact', '{{FULL_NAME}}'], ['password', '{{PASSWORD}}']], ['INSERT INTO logins (login, passwd) VALUES (']),
  c('neg-account-services', '{"name": "Deploy Key", "token": "{{ALNUM32}}"}\n{"name": "Orders Service", "password": "{{PASSWORD}}"}\n{"name": "prod-db", "secret": "{{HEX32}}"}', [['secret', '{{ALNUM32}}'], ['password', '{{PASSWORD}}'], ['secret', '{{HEX32}}']], ['"Deploy Key"', '"Orders Service"', '"prod-db"']),
  c('neg-account-things', '{"name": "Production", "secret": "{{HEX32}}"}\n{"name": "Read Only", "api_key": "{{ALNUM32}}"}\n{"user": "admin", "password": "{{PASSWORD}}"}\n{"name": "GitHub Actions", "token": "{{HEX64}}"}', [['secret', '{{HEX32}}'], ['secret', '{{ALNUM32}}'], ['password', '{{PASSWORD}}'], ['secret', '{{HEX64}}']], ['"Production"', '"Read Only"', '"admin"', '"GitHub Actions"']),
  c('neg-account-no-credential', '{"name": "Billing Worker", "token_count": 12}\n{"name": "Grace Hopper Room", "capacity": 8}', [], ['"Billing Worker"', '"Grace Hopper Room"']),
];

/**
 * Ofcom's drama ranges are possible numbers that libphonenumber calls invalid; in a ticket they are placed
 * like real ones, so they go where written internationally or after a phone or call word (as the valid
 * fictional ranges, 020 7946 0xxx and 555-01xx, always did).
 */
const UNALLOCATED_PHONES: CorpusCase[] = [
  c('phone-drama-call', 'please call me on {{GB_DRAMA_MOBILE}} after 5pm', [['phone', '{{GB_DRAMA_MOBILE}}']], ['please call me on ', ' after 5pm']),
  c('phone-drama-intl', 'escalated by the customer ({{GB_DRAMA_INTL}}) at 10:22', [['phone', '{{GB_DRAMA_INTL}}']], ['escalated by the customer (', ') at 10:22']),
  c('phone-drama-word', 'Mobile {{GB_DRAMA_MOBILE}}, landline {{GB_DRAMA_GEO}}', [['phone', '{{GB_DRAMA_MOBILE}}'], ['phone', '{{GB_DRAMA_GEO}}']], ['Mobile ', ', landline ']),
  c('phone-drama-whatsapp', 'WhatsApp: {{GB_DRAMA_MOBILE}}', [['phone', '{{GB_DRAMA_MOBILE}}']], ['WhatsApp: ']),
  c('phone-drama-json', '{"contact_phone":"{{GB_DRAMA_MOBILE}}","plan":"pro"}', [['phone', '{{GB_DRAMA_MOBILE}}']], ['"plan":"pro"']),
  c('neg-phone-unallocated', 'build 07700900123 finished\norder 07700 900123 shipped\nticket #07700900123\ncall 1 of 3 took 1234567 ms\nreach 1 000 000 000 users\noffset +0100, +1000000 rows', [], ['build 07700900123 finished', 'order 07700 900123 shipped', '#07700900123', '1234567 ms', '1 000 000 000 users', '+0100', '+1000000 rows']),
];

/** Home directories carry their owner's login on every OS; roles, runners and placeholders stay. */
const HOME_DIRS: CorpusCase[] = [
  c('home-macos-trace', 'File "/Users/{{LOGIN}}/project/app.py", line 3, in <module>', [['username', '/Users/{{LOGIN}}/']], ['File "/Users/', '/project/app.py", line 3']),
  c('home-linux', 'error: /home/{{LOGIN}}/.config/triage/config.yml not found', [['username', '/home/{{LOGIN}}/']], ['/.config/triage/config.yml not found']),
  c('home-windows', 'Log: C:\\Users\\{{WIN_PROFILE}}\\AppData\\Local\\Temp\\setup.log', [['username', '\\{{WIN_PROFILE}}\\']], ['C:\\Users\\', '\\AppData\\Local\\Temp\\setup.log']),
  c('home-windows-json', '{"path":"C:\\\\Users\\\\{{WIN_PROFILE}}\\\\Documents\\\\report.xlsx"}', [['username', '{{WIN_PROFILE}}\\\\Documents']], ['Documents\\\\report.xlsx']),
  c('home-json-escaped-slash', '{"cwd":"\\/home\\/{{LOGIN}}\\/src"}', [['username', '/{{LOGIN}}\\']], ['"cwd":"\\/home\\/']),
  c('home-file-url-wsl', 'open file:///Users/{{LOGIN}}/Downloads/a.har, then /mnt/c/Users/{{LOGIN#2}}/code', [['username', '/{{LOGIN}}/'], ['username', '/{{LOGIN#2}}/']], ['open file:///Users/', '/Downloads/a.har', '/mnt/c/Users/']),
  c('home-tilde', 'cd ~{{LOGIN}}/src && curl https://cs.example.edu/~{{LOGIN#2}}/notes', [['username', '~{{LOGIN}}/'], ['username', '~{{LOGIN#2}}/']], ['/src && curl https://cs.example.edu/~']),
  c('home-prompt', 'PS C:\\Users\\{{LOGIN}}> dir', [['username', '\\{{LOGIN}}>']], ['PS C:\\Users\\', '> dir']),
  c('neg-home-generic', '/home/ubuntu/app, /Users/runner/work, /home/user/x, C:\\Users\\Public, C:\\Users\\Default User\\NTUSER.DAT, /home/node/app, (/home/deploy/app/index.js:3:9)', [], ['/home/ubuntu/app', '/Users/runner/work', '/home/user/x', 'C:\\Users\\Public', 'C:\\Users\\Default User\\NTUSER.DAT', '/home/node/app', '/home/deploy/app/index.js:3:9']),
  c('neg-home-placeholders', '/home/$USER/x /Users/<you>/x C:\\Users\\%USERNAME%\\x /home/{user}/x ~/x ~+/x', [], ['/home/$USER/x', '/Users/<you>/x', 'C:\\Users\\%USERNAME%\\x', '/home/{user}/x', '~/x', '~+/x']),
  c('neg-home-web-paths', 'GET /api/home/banner.png, /static/Users/list, took ~10 minutes, ~5/10 done', [], ['/api/home/banner.png', '/static/Users/list', '~10 minutes', '~5/10']),
];

/** An id and its secret written as one string (`<app id>|<app secret>`, `client_id:client_secret`): only the secret goes. */
const JOINED_CREDENTIALS: CorpusCase[] = [
  c('pair-meta-app-token', 'GET https://graph.example.com/v19.0/me?fields=id via {{APP_ID}}|{{HEX32}} returned 400', [['secret', '{{HEX32}}']], ['{{APP_ID}}|', ' returned 400']),
  c('pair-app-client-token', 'the SDK was set up with {{APP_ID}}|{{ALNUM32}} (client token)', [['secret', '{{ALNUM32}}']], ['{{APP_ID}}|', '(client token)']),
  c('pair-client-credentials', 'we send {{CLIENT_ID}}:{{ALNUM40}} as the client credentials', [['secret', '{{ALNUM40}}']], ['{{CLIENT_ID}}:', 'as the client credentials']),
  c('pair-hex-id', 'APP={{HEX24}}:{{ALNUM32}}', [['secret', '{{ALNUM32}}']], ['APP={{HEX24}}:']),
  c('pair-json', '{"credentials":"{{CLIENT_ID}}:{{B64_32}}"}', [['secret', '{{B64_32}}']], ['{"credentials":"']),
  c('neg-pair-digests', 'image@sha256:{{HEX64}} sha1:{{SHA40}} md5:{{HEX32}} cache {{APP_ID}}:{{SHA40#2}}', [], ['sha256:{{HEX64}}', 'sha1:{{SHA40}}', 'md5:{{HEX32}}', '{{APP_ID}}:{{SHA40#2}}']),
  c('neg-pair-chains', 'arn:aws:iam::123456789012:role/Admin 2001:db8::1 12:34:56 user:42:profile (/srv/app/dist/worker.js:123:45) node:_tls_wrap:1577:19 trace {{HEX32}}:{{HEX24}}', [], ['arn:aws:iam::123456789012:role/Admin', '2001:db8::1', 'user:42:profile', 'worker.js:123:45', 'node:_tls_wrap:1577:19', '{{HEX32}}:{{HEX24}}']),
  c('neg-pair-tables', '| {{APP_ID}}|{{APP_ID#2}} | a|b|c | 2024|Q3 | {{UUID}}|{{UUID#2}}', [], ['{{APP_ID}}|{{APP_ID#2}}', 'a|b|c', '2024|Q3', '{{UUID}}|{{UUID#2}}']),
  c('neg-pair-placeholders', '<app id>|<app secret> {{APP_ID}}|YOUR_APP_SECRET_HERE {{APP_ID#2}}|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ${APP_ID}|${APP_SECRET}', [], ['<app id>|<app secret>', '|YOUR_APP_SECRET_HERE', '|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '${APP_ID}|${APP_SECRET}']),
];

export const FAMILY_CASES: CorpusCase[] = [...ACCOUNT_RECORDS, ...UNALLOCATED_PHONES, ...HOME_DIRS, ...JOINED_CREDENTIALS];
