/**
 * Corpus cases for formats found leaking in tickets written outside the project (probe runs of hostile
 * pastes): credential files, command lines, parameterised authorization schemes, OAuth redirects, prose in
 * languages with prepositions and particles, names in records about a person, phones under contact columns.
 * Each family has hard negatives of the same shape next to it. `{{NAME}}` values are generated at run time.
 */
import type { CorpusCase } from './corpus.js';

const c = (id: string, text: string, redact: Array<[string, string]>, keep: string[] = []): CorpusCase => ({ id, text, redact, keep });

const FILES: CorpusCase[] = [
  c('netrc-line', 'machine github.com login octocat password {{PASSWORD}}', [['password', '{{PASSWORD}}']], ['machine github.com login octocat']),
  c('netrc-block', '~/.netrc:\nmachine api.heroku.com\n  login ops@example.com\n  password {{UUID_SECRET}}', [['password', '{{UUID_SECRET}}']], ['ops@example.com']),
  c('pgpass', '~/.pgpass\ndb.internal:5432:orders:app_user:{{PASSWORD}}\n*:*:*:postgres:{{ALNUM32}}', [['password', '{{PASSWORD}}'], ['password', '{{ALNUM32}}']], ['db.internal:5432:orders:app_user:']),
  c('neg-ipv6-colons', 'route fe80:0:0:0:1 via 2001:db8:0:0:1, ts 10:22:01:123', [], ['fe80:0:0:0:1', '2001:db8:0:0:1', '10:22:01:123']),
];

const COMMANDS: CorpusCase[] = [
  c('cmd-setx', 'C:\\> setx GITHUB_PAT {{ALNUM32}}', [['secret', '{{ALNUM32}}']], ['setx GITHUB_PAT ']),
  c('cmd-npm-config', 'npm config set //registry.npmjs.org/:_authToken {{HEX32}}', [['secret', '{{HEX32}}']], ['npm config set']),
  c('cmd-git-config', 'git config --global user.password {{PASSWORD}}', [['password', '{{PASSWORD}}']], ['git config --global']),
  c('cmd-docker-login', 'docker login -u bot -p {{PASSWORD}} ghcr.io', [['password', '{{PASSWORD}}']], ['ghcr.io']),
  c('cmd-sshpass', 'sshpass -p {{SHORT_PW}} ssh deploy@10.0.0.4', [['password', '{{SHORT_PW}}']], ['deploy@10.0.0.4']),
  c('cmd-redis-cli', 'redis-cli -h cache.internal -a {{ALNUM32}} ping', [['password', '{{ALNUM32}}']], ['ping']),
  c('cmd-powershell-env', 'PS> $env:API_KEY = "{{ALNUM32}}"\nPS> $Env:DB_PASSWORD={{PASSWORD}}', [['secret', '{{ALNUM32}}'], ['password', '{{PASSWORD}}']]),
  c('cmd-securestring', '$p = ConvertTo-SecureString "{{PASSWORD}}" -AsPlainText -Force', [['password', '{{PASSWORD}}']], ['-AsPlainText -Force']),
  c('cmd-curl-quoted', "curl --user kevin:'{{PASSWORD}}' -X PATCH https://api.example.com", [['password', '{{PASSWORD}}']], ['https://api.example.com']),
  c('cmd-curl-key-user', 'curl -u "{{ALNUM32}}:" https://search.internal:9200', [['secret', '{{ALNUM32}}']], ['https://search.internal:9200']),
  c('cmd-requests-auth', "r = requests.post(url, auth=('svc', '{{PASSWORD}}'))", [['password', '{{PASSWORD}}']], ["auth=('svc', "]),
  c('neg-cmd-flags', 'ssh -p 2222 deploy@host\nps -u root:wheel\ndocker run -u 1000:1000 img\nnpm config set registry https://registry.npmjs.org/', [], ['-p 2222', 'root:wheel', '1000:1000', 'https://registry.npmjs.org/']),
  c('neg-cmd-placeholders', 'curl -u "${USER}:${PASSWORD}" x\ncurl --user "$1:$2" "$3"\ncurl -u <user:password> https://x.io', [], ['${USER}:${PASSWORD}', '$1:$2', '<user:password>']),
];

const AUTH: CorpusCase[] = [
  c('auth-digest', 'Authorization: Digest username="jdoe", realm="api", nonce="{{HEX32}}", uri="/v1", response="{{HEX32#2}}"', [['authorization', '{{HEX32}}'], ['authorization', '{{HEX32#2}}']], ['realm="api"', 'uri="/v1"']),
  c('auth-sigv4', 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={{HEX64}}', [['authorization', '{{HEX64}}']], ['AWS4-HMAC-SHA256', 'SignedHeaders=host']),
  c('auth-oauth-code', 'redirected to https://app.acme.io/callback?code={{ALNUM32}}&state=af0ifjsldkj', [['secret', '{{ALNUM32}}']], ['https://app.acme.io/callback?code=']),
  c('neg-auth-challenge', 'WWW-Authenticate: Digest realm="api@example.com", qop="auth", algorithm=MD5\nGET /search?code=404&page=2', [], ['realm="api@example.com"', 'code=404']),
];

const PROSE: CorpusCase[] = [
  c('prose-ru-label', 'Пароль от базы: {{PASSWORD}}', [['password', '{{PASSWORD}}']], ['Пароль от базы: ']),
  c('prose-ru-dash', 'ключ для API — {{ALNUM32}}', [['secret', '{{ALNUM32}}']], ['ключ для API — ']),
  c('prose-ru-bare', 'логин admin, пароль {{PASSWORD}}', [['password', '{{PASSWORD}}']], ['логин admin']),
  c('prose-es-long', 'La contraseña de la base de datos es {{PASSWORD}} y la clave de API: {{ALNUM32}}', [['password', '{{PASSWORD}}'], ['password', '{{ALNUM32}}']], ['La contraseña de la base de datos es ']),
  c('prose-pt-label', 'O token de acesso: {{ALNUM32}}', [['secret', '{{ALNUM32}}']], ['O token de acesso: ']),
  c('prose-it-api', 'la chiave API è {{ALNUM32}}', [['secret', '{{ALNUM32}}']], ['la chiave API è ']),
  c('prose-de-fuer', 'Das Passwort für den Server ist {{PASSWORD}}', [['password', '{{PASSWORD}}']], ['Das Passwort für den Server ist ']),
  c('prose-ja', 'パスワードは {{PASSWORD}} です。APIキー: {{ALNUM32}}', [['password', '{{PASSWORD}}'], ['secret', '{{ALNUM32}}']], ['です。']),
  c('prose-zh', '数据库密码是 {{PASSWORD}}，API密钥：{{ALNUM32}}', [['password', '{{PASSWORD}}'], ['secret', '{{ALNUM32}}']], ['数据库密码是 ']),
  c('neg-prose-words', 'password reset sent to the user\nNote - the token: expired\n请重置密码。\nthe password for the admin account expired', [], ['password reset sent', 'the token: expired', '请重置密码。', 'account expired']),
];

const PEOPLE: CorpusCase[] = [
  c('person-json-dob', '{"name":"Maria Gonzalez","dob":"1984-03-12","plan":"enterprise"}', [['contact', 'Maria Gonzalez'], ['dob', '1984-03-12']], ['"plan":"enterprise"']),
  c('person-json-customer', '{"customer":"Priya Raman","order":"ORD-2024-118"}', [['contact', 'Priya Raman']], ['ORD-2024-118']),
  c('person-sql-name', "INSERT INTO users (id, name, email) VALUES (4, 'Oksana Kowalska', 'o.k@mail.example.net');", [['contact', 'Oksana Kowalska']], ['INSERT INTO users (id, name, email) VALUES (4, ']),
  c('person-mailbox', 'From: Thomas Berger <thomas.berger@gmail.com>\nTo: support@example.com', [['contact', 'Thomas Berger'], ['email', 'thomas.berger@gmail.com']], ['To: support@example.com']),
  c('person-csv', 'name,email,phone,plan\nLaura Bianchi,laura.b@libero.it,+39 347 1234567,pro', [['contact', 'Laura Bianchi'], ['email', 'laura.b@libero.it'], ['phone', '+39 347 1234567']], ['name,email,phone,plan', ',pro']),
  c('person-yaml', 'customer:\n  name: Lucas Martin\n  email: lucas.martin@free.fr\n  tier: gold', [['contact', 'Lucas Martin'], ['email', 'lucas.martin@free.fr']], ['tier: gold']),
  c('person-logfmt', 'ts=2024-03-15T10:22:01Z user_name="Emma Schulz" action=login', [['contact', 'Emma Schulz']], ['action=login']),
  c('neg-person-services', 'name,status,region\nOrders Service,active,Europe West\nservice:\n  name: Billing Worker\n  port: 8080', [], ['Orders Service', 'Europe West', 'Billing Worker']),
  c('neg-person-names', '{"name":"orders-api","email":"ops@example.com"}\n{"customer":"Enterprise","seats":40}\nFrom: Support Team <help@acme.io>', [], ['"name":"orders-api"', '"customer":"Enterprise"', 'Support Team']),
];

const PHONES: CorpusCase[] = [
  c('phone-br-contato', '| Nome | Contato |\n|---|---|\n| Loja 12 | (11) 98765-4321 |', [['phone', '(11) 98765-4321']], ['| Nome | Contato |', 'Loja 12']),
  c('phone-fr-dotted', 'fixe 01.42.68.53.00, tél. 01.45.22.17.90', [['phone', '01.42.68.53.00'], ['phone', '01.45.22.17.90']], ['fixe ']),
  c('neg-phone-dotted', 'upgraded to 10.42.17.34.48 build, host 10.1.2.3', [], ['10.42.17.34.48', '10.1.2.3']),
];

const PLACEHOLDERS: CorpusCase[] = [
  c('neg-more-placeholders', "api_key = %(API_KEY)s\nsecret: $(SECRET_FROM_VAULT)\ntoken = #{token}\nOPENAI_API_KEY=sk-...\nurl=https://x.example.net/create?access_token=ACCESS_TOKEN\nPuttyPassword=0", [], ['%(API_KEY)s', '$(SECRET_FROM_VAULT)', '#{token}', 'sk-...', 'access_token=ACCESS_TOKEN', 'PuttyPassword=0']),
  c('neg-word-like-tokens', 's.AcceptanceTimeoutSeconds = 4\ncache key = user:42:profile\nsumObj = suGyI5imvADdvU', [], ['s.AcceptanceTimeoutSeconds', 'user:42:profile', 'suGyI5imvADdvU']),
];

export const UNSEEN_CASES: CorpusCase[] = [...FILES, ...COMMANDS, ...AUTH, ...PROSE, ...PEOPLE, ...PHONES, ...PLACEHOLDERS];
