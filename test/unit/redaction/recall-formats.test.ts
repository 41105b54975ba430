import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

/**
 * Formats customers paste that no key=value scanner reads: credential files, command lines, authorization
 * schemes with parameters, OAuth redirects, credentials stated in prose in many languages, names in records
 * about a person, national phone formats under table columns. `{v}` is a value made at run time; every case
 * has neighbours that must survive unchanged.
 */
const g = new Gen(SEED);
const pw = (): string => `${g.alnum(10)}!${g.digits(2)}`;
const redact = async (text: string): Promise<string> => (await createRedactor({ target: 'github' }).redact(text)).text;

const LEAKS: Array<[string, string, () => string]> = [
  // credential files
  ['.netrc one line', 'machine github.com login octocat password {v}', pw],
  ['.netrc lines', 'machine api.heroku.com\n  login ops@example.com\n  password {v}', () => g.uuid()],
  ['.pgpass', 'db.internal:5432:orders:app_user:{v}', pw],
  ['.pgpass wildcards', '*:*:*:postgres:{v}', () => g.alnum(20)],
  // command lines
  ['setx', 'C:\\> setx GITHUB_PAT {v}', () => g.alnum(40)],
  ['npm config set', 'npm config set //registry.npmjs.org/:_authToken {v}', () => g.alnum(36)],
  ['git config', 'git config --global user.password {v}', pw],
  ['docker login -p', 'docker login -u bot -p {v} ghcr.io', pw],
  ['podman login --password', 'podman login --username bot --password {v} quay.io', pw],
  ['sshpass', 'sshpass -p {v} ssh deploy@10.0.0.4', pw],
  ['redis-cli -a', 'redis-cli -h cache.internal -a {v} ping', pw],
  ['PowerShell $env:', 'PS> $env:API_KEY = "{v}"', () => g.alnum(32)],
  ['PowerShell $Env: unquoted', '$Env:DB_PASSWORD={v}', pw],
  ['ConvertTo-SecureString', '$p = ConvertTo-SecureString "{v}" -AsPlainText -Force', pw],
  // authorization schemes with parameters
  ['Digest response', 'Authorization: Digest username="jdoe", realm="api", nonce="{v}", uri="/", response="{v}"', () => g.hex(32)],
  ['Digest in curl -H', 'curl -H "Authorization: Digest username=\\"bob\\", response=\\"{v}\\""', () => g.hex(32)],
  ['OAuth 1.0 signature', 'Authorization: OAuth oauth_consumer_key="{v}", oauth_signature="{v}", oauth_version="1.0"', () => g.alnum(24)],
  ['SigV4 signature', 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={v}', () => g.hex(64)],
  // OAuth redirects
  ['authorization code in a callback', 'redirected to https://app.acme.io/callback?code={v}&state=xyz', () => g.alnum(40)],
  ['authorization code in a fragment', 'https://app.acme.io/cb#code={v}', () => `${g.alnum(20)}-${g.alnum(12)}`],
  // prose, with a label, a dash, a particle or nothing between
  ['Russian label with a preposition', 'Пароль от базы: {v}', pw],
  ['Russian dash', 'ключ для API — {v}', () => g.alnum(32)],
  ['Russian compound', 'токен доступа: {v}', () => g.alnum(40)],
  ['Russian bare', 'логин admin, пароль {v}', pw],
  ['Spanish long phrase', 'La contraseña de la base de datos es {v} y nada más', pw],
  ['Spanish mid-line label', 'hola, y la clave de API: {v}', () => g.alnum(32)],
  ['Portuguese label', 'A senha do banco é ok. O token de acesso: {v}', () => g.alnum(40)],
  ['Italian noun + API', 'la chiave API è {v}', () => g.alnum(32)],
  ['German preposition', 'Das Passwort für den Server ist {v}', pw],
  ['Japanese particle', 'パスワードは {v} です。', pw],
  ['Japanese compound', 'APIキー: {v}', () => g.alnum(32)],
  ['Chinese copula', '数据库密码是 {v}，谢谢', pw],
  ['Chinese full-width colon', 'API密钥：{v}', () => g.alnum(32)],
  ['English bare', 'you can log in with user admin password {v} for now', pw],
  // values that hold their own pairs, and call arguments
  ['connection string in an XML attribute', '<add name="Main" connectionString="Server=sql01;Database=Orders;User Id=sa;Password={v};" />', pw],
  ['connection string in JSON', '{"ConnectionStrings": {"Default": "Host=db;Username=app;Password={v}"}}', pw],
  ['requests auth tuple', "requests.post(url, auth=('svc', '{v}'))", pw],
  ['HTTPBasicAuth', 'HTTPBasicAuth("svc", "{v}")', pw],
  ['curl --user with a quoted password', "curl --user kevin:'{v}' -iX PATCH https://x.io", pw],
  ['curl --user with braces', 'curl -X POST --user "{acd3c08b}":"{{v}}" --header x', pw],
  ['curl -u with a key as the user', 'curl -u "{v}:" https://localhost:9200', () => g.alnum(24)],
  ['a URL password under a credential key', 'DB_CREDENTIALS: "postgres://app:{v}@db.internal:5432/app"', pw],
  ['a URL whose user equals a weak password', 'postgres://admin:{v}@db.internal:5432/app', () => `admin${g.digits(3)}`],
  // the field named by a block label or an attribute
  ['Terraform variable default', 'variable "db_password" {\n  type    = string\n  default = "{v}"\n}', pw],
  ['XML element named by its key attribute', '<entry key="password">{v}</entry>', pw],
  ['a letters-only passport number under its label', 'Reisepass-Nr.: C{v}', () => g.chars(8, 'CFGHJKLMNPRTVWXYZ')],
  ['XML element named by its name attribute', '<setting name="ApiToken">\n  {v}\n</setting>', () => g.alnum(32)],
  // tokens with = inside are not nested assignments
  ['a token with = mid-value under a token key', 'yandexToken={v}', () => `t1.${g.alnum(6)}=.${g.alnum(40)}==`],
  ['a value with = under a token key', 'fastlyToken="{v}"', () => `${g.alnum(6)}=${g.alnum(20)}`],
];

const KEPT: Array<[string, string]> = [
  ['IPv6 is not .pgpass', 'fe80:0:0:0:1\n2001:db8:0:0:1'],
  ['a port table is not .pgpass', 'localhost:5432:0:1:2'],
  ['error code in a query', 'GET /search?code=404&page=2'],
  ['short code', 'https://app.acme.io/callback?code=abc'],
  ['config set of a setting', 'npm config set registry https://registry.npmjs.org/'],
  ['git config of a name', 'git config --global user.name "Jane Q"'],
  ['-p is a port elsewhere', 'ssh -p 2222 deploy@host && psql -p 5433'],
  ['password words in prose', 'the password for the admin account expired, reset it please'],
  ['password policy', 'password must have 12 characters and a digit'],
  ['bare password word then a word', 'password reset sent to the user'],
  ['label with a plain word', 'Note - the token: expired'],
  ['Digest metadata', 'WWW-Authenticate: Digest realm="api@example.com", qop="auth", algorithm=MD5'],
  ['placeholders', 'api_key = %(API_KEY)s\nsecret: $(SECRET_FROM_VAULT)\ntoken = #{token}\nOPENAI_API_KEY=sk-...\nKEY=ghp_…'],
  ['a scheme alone', 'Authorization: AWS4-HMAC-SHA256'],
  ['Chinese without a value', '请重置密码。'],
  ['a cache key', 'cache key = user:42:profile\nkey: orders/2024-03'],
  ['a connection string without secrets', '<add name="Main" connectionString="Server=sql01;Database=Orders;Integrated Security=true" />'],
  ['auth tuple from variables', 'requests.get(url, auth=(user, password))'],
  ['a flag after a password word', 'curl http://127.0.0.1:5000/file --user user:pass --digest'],
  ['curl -u placeholders', 'curl -u <user:password> https://x.io\ncurl -u "${_username}:${_password}"\ncurl --user "$1:$2" "$3"\ncurl -u "SVC:${APPID}" x\ncurl -u "${{ secrets.ID }}:${{ secrets.PW }}"\ncurl --user "$(cat ./login.txt):$(cat ./password.txt)"'],
  ['-u of other commands', 'ps -u root:wheel\nsort -u file:a\ndocker run -u 1000:1000 img'],
  ['a variable name where the value goes', 'https://qyapi.example.net/create?access_token=ACCESS_TOKEN\nAPI_KEY=YOUR_API_KEY'],
  ['a flag value under a password key', 'PuttyPassword=0'],
  ['word-like provider bodies', 's.AcceptanceTimeoutSeconds = 4\nxoxe.xoxp-1-SlackAppConfigurationAccessTokenHere\ns.THISSTRINGISALLUPPERCASE\nsumObj = suGyI5imvADdvU'],
  ['Terraform variable without a secret', 'variable "region" {\n  default = "eu-west-1"\n}\nvariable "db_password" {\n  sensitive = true\n}'],
  ['an XML entry that names nothing secret', '<entry key="timeout">30</entry>\n<entry key="password"></entry>'],
  ['a redaction marker and a pointer to a vault', 'token: (redacted)\npassword: see 1Password item "DB prod"\nsecret: <hidden>'],
  ['default accounts in URLs', 'MONGO_CREDENTIALS = "mongodb://mongodb:mongodb@localhost:27017/db"\namqp://guest:guest@rabbit:5672\npostgres://postgres:postgres@localhost:5432/app'],
  ['a weak key that is a dotted name', '<entry key="jetbrains.mps.v8_elimination" value="executed" />'],
];

describe('formats that escape key=value scanning', () => {
  it.each(LEAKS)('%s', async (_name, template, make) => {
    const values: string[] = [];
    const text = template.replace(/\{v\}/g, () => {
      const v = make();
      values.push(v);
      return v;
    });
    const out = await redact(text);
    for (const v of values) expect(out, out).not.toContain(v);
  });

  it.each(KEPT)('keeps: %s', async (_name, text) => {
    expect(await redact(text)).toBe(text);
  });
});

describe('names in records about a person', () => {
  const name = (): string => `${g.pick(['Maria', 'Thomas', 'Priya', 'Jean-Luc', 'Oksana'])} ${g.pick(['Gonzalez', 'Müller', 'Raman', 'Nakamura-Lee', 'Kowalska'])}`;

  it.each([
    ['JSON name next to a birth date', '{"name":"{n}","dob":"1984-03-12","plan":"pro"}'],
    ['JSON name next to a phone', '{"id": 7, "name": "{n}", "phone": "+49 170 1234567"}'],
    ['JSON customer', '{"customer":"{n}","order":"ORD-1"}'],
    ['Python dict', "{'name': '{n}', 'email': 'm@example.org'}"],
    ['SQL row with an email column', "INSERT INTO users (id, name, email) VALUES (4, '{n}', 'x@example.org');"],
    ['CSV with a phone column', 'name,email,phone,plan\n{n},x@example.org,+39 347 1234567,pro'],
    ['Markdown table with a birth date', '| Name | DOB |\n|---|---|\n| {n} | 1990-07-14 |'],
    ['YAML record', 'customer:\n  name: {n}\n  email: x@example.org\n  tier: gold'],
    ['YAML list item', 'users:\n  - name: {n}\n    phone: "+33 6 12 34 56 78"'],
    ['logfmt user_name', 'ts=2024-03-15T10:22:01Z user_name="{n}" action=login'],
    ['display_name in code', "const display_name = '{n}';"],
    ['Ruby inspect', '#<User id: 7, name: "{n}", email: "a.k@mail.example.net">'],
    ['logfmt name with an email', 'level=info name="{n}" email=jw@corp.example.net'],
    ['Python repr', "User(name='{n}', phone='+39 347 1234567')"],
  ])('%s', async (_label, template) => {
    const n = name();
    const out = await redact(template.replace('{n}', n));
    expect(out).not.toContain(n);
    expect(out).not.toContain(n.split(' ')[1]);
  });

  it.each([
    ['a service name', '{"name":"orders-api","email":"ops@example.com"}'],
    ['no personal field', '{"name":"Maria Gonzalez Release","version":"1.2"}'],
    ['a one-word customer', '{"customer":"Enterprise","seats":40}'],
    ['a lower-case name', '{"name":"default","phone":"n/a"}'],
    ['SQL without personal columns', "INSERT INTO plans (id, name) VALUES (1, 'Gold Plan');"],
    ['CSV without personal columns', 'name,status,region\nOrders Service,active,Europe West'],
    ['YAML service record', 'service:\n  name: Orders Service\n  port: 8080\n  owner_team: platform'],
    ['a login as user_name', 'user_name=jdoe action=login\nusername: "deploy"'],
    ['a one-word author', 'author: "Platform"'],
    ['a team with an email', '{"name": "Platform Team", "email": "platform@example.com"}\nlevel=info name="Orders Service" email=ops@example.com'],
    ['a name without a personal field on its line', 'name="Jane Whitfield" status=ok'],
  ])('keeps %s', async (_label, text) => {
    expect(await redact(text)).toBe(text);
  });
});

describe('display names of mailboxes', () => {
  it.each([
    ['From: {n} <{e}>'],
    ['To: "{n}" <{e}>, ops@example.com'],
    ['Author: {n} <{e}>\nDate: Mon Mar 4 10:22:01 2024'],
  ])('%s', async (template) => {
    const n = `${g.pick(['Maria', 'Thomas', 'Priya'])} ${g.pick(['Gonzalez', 'Müller', 'Raman'])}`;
    const e = `${g.chars(6, 'abcdefghij')}@gmail.com`;
    const out = await redact(template.replace('{n}', n).replace('{e}', e));
    expect(out).not.toContain(n);
    expect(out).not.toContain(e);
  });

  it.each([
    ['From: Jane Doe <jane@example.com>'],
    ['From: Support Team <help@acme.io>'],
    ['From: GitHub <noreply@github.com>'],
    ['Vec<String> and a@b'],
  ])('keeps %s', async (text) => {
    const out = await redact(text);
    expect(out).toContain(text.includes('acme.io') ? 'Support Team' : text.slice(0, 12));
  });
});

describe('phones under contact columns and in national formats', () => {
  it.each([
    ['Brazilian mobile under Contato', '| Nome | Contato |\n|---|---|\n| Loja 1 | (11) 9{d4}-{d4} |', 'Nome'],
    ['Brazilian under contato CSV', 'loja,contato\nCentro,11 9{d4}-{d4}', 'loja'],
    ['French dotted after fixe', 'fixe 01.42.{d2}.{d2}.{d2}', 'fixe'],
    ['French dotted after tél.', 'tél. 01.42.{d2}.{d2}.{d2}', 'tél.'],
    ['German under Kontakt', 'Kontakt: 030 1234{d4}', 'Kontakt'],
  ])('%s', async (_label, template, kept) => {
    const text = template.replace(/\{d(\d)\}/g, (_m, n: string) => g.digits(Number(n)).replace(/^0/, '5'));
    const out = await redact(text);
    expect(out).toContain(kept);
    expect(out).toMatch(/\[PHONE_1\]/);
  });

  it.each([
    ['a dotted version', 'upgraded to 10.42.17.34.48 build'],
    ['an IP with a port-like suffix', 'host 10.1.2.3.8080'],
    ['a header row is not a key/value row', '| Nome | Contato |\n|---|---|'],
  ])('keeps %s', async (_label, text) => {
    expect(await redact(text)).toBe(text);
  });
});
