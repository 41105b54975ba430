/**
 * The corpus's format matrix: every assignment syntax and structured format the engine reads, each with
 * credential and personal-field keys in several casings and languages, values that have no recognisable shape
 * (hex, base64, short passwords), and the hard negatives of the same syntax (placeholders, `*_count` keys,
 * benign ids). Built as templates: `{{NAME}}` values are generated at run time (generators.ts).
 */
import type { CorpusCase } from './corpus.js';

type Label = 'password' | 'secret';

const c = (id: string, text: string, redact: Array<[string, string]>, keep: string[] = []): CorpusCase => ({ id, text, redact, keep });

/** Keys in the spelling each family of syntax uses; the label is the kind the value is tallied under. */
const KEYS: Array<{ key: string; env: string; label: Label }> = [
  { key: 'apiToken', env: 'API_TOKEN', label: 'secret' },
  { key: 'db_password', env: 'DB_PASSWORD', label: 'password' },
  { key: 'clientSecret', env: 'CLIENT_SECRET', label: 'secret' },
  { key: 'auth_token', env: 'AUTH_TOKEN', label: 'secret' },
  { key: 'passwort', env: 'PASSWORT', label: 'password' },
  { key: 'session_key', env: 'SESSION_KEY', label: 'secret' },
  { key: 'mot_de_passe', env: 'MOT_DE_PASSE', label: 'password' },
  { key: 'signingSecret', env: 'SIGNING_SECRET', label: 'secret' },
  { key: 'senha', env: 'SENHA', label: 'password' },
  { key: 'privateKey', env: 'PRIVATE_KEY', label: 'secret' },
  { key: 'wachtwoord', env: 'WACHTWOORD', label: 'password' },
  { key: 'accessToken', env: 'ACCESS_TOKEN', label: 'secret' },
];
const VALUES = ['{{HEX24}}', '{{B64_32}}', '{{ALNUM12}}', '{{SHORT_PW}}'];

/** `{k}` is the key as code spells it, `{K}` as env/make spells it, `{v}` the value. */
const SYNTAXES: Array<[string, string]> = [
  ['env', '{K}={v}\nNODE_ENV=production'],
  ['env-quoted', '{K}="{v}"\nLOG_LEVEL=debug'],
  ['export', 'export {K}={v}'],
  ['dockerfile-env', 'FROM node:22\nENV {K} {v}\nENV PORT=8080'],
  ['dockerfile-arg', 'ARG {K}={v}'],
  ['ini', '[database]\n{k} = {v}\nhost = db.internal'],
  ['toml', '[server]\n{k} = "{v}"\nport = 8443'],
  ['properties', 'app.{k}={v}\napp.name=orders'],
  ['yaml', 'service:\n  {k}: {v}\n  replicas: 3'],
  ['yaml-single', 'service:\n  {k}: \'{v}\''],
  ['yaml-double', 'service:\n  {k}: "{v}"'],
  ['yaml-block', 'service:\n  {k}: |\n    {v}\n  replicas: 3'],
  ['yaml-folded', '{k}: >\n  {v}\nname: api'],
  ['json', '{\n  "{k}": "{v}",\n  "region": "eu-west-1"\n}'],
  ['json-escaped', '{"body": "{\\"{k}\\": \\"{v}\\", \\"retry\\": 3}"}'],
  ['json-line', '{"level":"error","msg":"auth failed","{k}":"{v}","ts":1710000000}'],
  ['json-in-log', '2024-03-15T10:22:01Z ERROR request failed payload={"user":"u-118","{k}":"{v}"} status=401'],
  ['python-dict', "config = {'{k}': '{v}', 'timeout': 30}"],
  ['python-kwargs', 'client = Client(host="api.acme.dev", {k}="{v}")'],
  ['ruby-hash-rocket', 'config = { :{k} => \'{v}\', :timeout => 30 }'],
  ['ruby-hash', 'Client.new({k}: \'{v}\', timeout: 30)'],
  ['js-object', 'const cfg = { {k}: "{v}", retries: 2 };'],
  ['go-var', 'var {k} string = "{v}"'],
  ['go-short', '{k} := "{v}"'],
  ['go-backtick', '{k} := `{v}`'],
  ['csharp', 'string {k} = "{v}";'],
  ['java', 'private static final String {K} = "{v}";'],
  ['java-setproperty', 'System.setProperty("{K}", "{v}");'],
  ['kotlin', 'val {k}: String = "{v}"'],
  ['kotlin-var', 'var {k} = "{v}"'],
  ['swift', 'let {k}: String = "{v}"'],
  ['rust', 'let {k}: &str = "{v}";'],
  ['php-assign', '${k} = "{v}";'],
  ['php-concat', '${k} .= "{v}";'],
  ['php-coalesce', '${k} ??= "{v}";'],
  ['php-define', "define('{K}', '{v}');"],
  ['make-recursive', '{K} = {v}'],
  ['make-simple', '{K} := {v}'],
  ['make-shell', '{K} ::= {v}'],
  ['make-evaluated', '{K} :::= {v}'],
  ['make-conditional', '{K} ?= {v}'],
  ['make-append', '{K} += {v}'],
  ['hcl', 'resource "acme_db" "main" {\n  {k} = "{v}"\n  size  = "small"\n}'],
  ['logstash', '  "{k}" => "{v}"'],
  ['r-assign', '{k} <- "{v}"'],
  ['indexer', 'os.environ["{K}"] = "{v}"'],
  ['xml-element', '<config><{k}>{v}</{k}></config>'],
  ['xml-multiline', '<config>\n  <{k}>\n    {v}\n  </{k}>\n</config>'],
  ['xml-cdata', '<{k}><![CDATA[{v}]]></{k}>'],
  ['xml-add', '<appSettings>\n  <add key="{k}" value="{v}" />\n</appSettings>'],
  ['xml-name-value', '<property>\n  <name>app.{k}</name>\n  <value>{v}</value>\n</property>'],
  ['xml-attribute', '<datasource url="jdbc:h2:mem" {k}="{v}" />'],
  ['k8s-env', 'env:\n  - name: {K}\n    value: "{v}"\n  - name: LOG_LEVEL\n    value: debug'],
  ['har-header', '{"headers": [{"name": "x-{k}", "value": "{v}"}, {"name": "accept", "value": "*/*"}]}'],
  ['aws-parameter', '{"Parameters": [{"ParameterKey": "{k}", "ParameterValue": "{v}"}]}'],
  ['query-string', 'GET /v1/export?format=csv&{k}={v}&page=2 HTTP/1.1'],
  ['cli-flag', 'acme sync --{k} {v} --verbose'],
  ['cli-flag-eq', 'acme sync --{k}={v} --verbose'],
  ['java-sysprop', 'JAVA_OPTS="-Xmx2g -Dapp.{k}={v}"'],
  ['markdown-table', '| Setting | Value |\n|---|---|\n| {k} | {v} |\n| region | eu-west-1 |'],
  ['label-prose', 'Hi team,\n{k}: {v}\nThanks'],
  ['connection-string', 'Server=db.acme.dev;Database=orders;User Id=app;{k}={v};Encrypt=true'],
];

/** Placeholders that must survive in every syntax. */
const PLACEHOLDERS = ['${SECRET}', '<your-token>', 'changeme', 'xxxxxxxx', '***', '{{ .Values.secret }}', 'REDACTED'];

function fill(template: string, k: string, K: string, v: string): string {
  return template.replaceAll('{k}', () => k).replaceAll('{K}', () => K).replaceAll('{v}', () => v);
}

function formatCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  SYNTAXES.forEach(([name, template], i) => {
    // Four keys and four value shapes per syntax, rotating so that every key meets many syntaxes.
    for (let j = 0; j < 4; j += 1) {
      const key = KEYS[(i * 4 + j) % KEYS.length];
      const value = VALUES[(i + j) % VALUES.length];
      if (!key || !value) continue;
      cases.push(c(`fmt-${name}-${j}`, fill(template, key.key, key.env, value), [[key.label, value]]));
    }
    const placeholder = PLACEHOLDERS[i % PLACEHOLDERS.length] ?? '';
    const key = KEYS[i % KEYS.length];
    if (key && !name.startsWith('json-escaped') && name !== 'yaml-block' && name !== 'yaml-folded') {
      const text = fill(template, key.key, key.env, placeholder);
      cases.push(c(`fmt-${name}-placeholder`, text, [], [placeholder]));
    }
  });
  return cases;
}

/** Keys that only contain a credential word, with values that must survive, in several syntaxes. */
const BENIGN_KEYS: Array<[string, string]> = [
  ['token_count', '1532'], ['max_tokens', '4096'], ['tokenizer', 'cl100k_base'], ['keyboard', 'de-DE'],
  ['primary_key_id', '48213'], ['passage', 'intro'], ['next_page_token', '{{UUID}}'], ['password_min_length', '12'],
  ['public_key_fingerprint', 'SHA256:2b6c'], ['auth_type', 'oauth2'], ['session_timeout', '3600'],
  ['secretName', 'app-secrets'], ['cookie_domain', '.acme.dev'], ['token_endpoint', 'https://auth.acme.dev/oauth/token'],
  ['idempotency_key', '{{UUID}}'], ['api_version', '2024-03-01'], ['ip_address', '10.0.4.7'], ['phone_model', 'Pixel 8'],
  ['request_id', '{{UUID}}'], ['commit', '{{SHA40}}'], ['prompt_tokens', '812'], ['mac_address_count', '3'],
];
const BENIGN_SYNTAXES = ['{k}: {v}', '{k}={v}', '"{k}": "{v}"', '<{k}>{v}</{k}>'];

function benignKeyCases(): CorpusCase[] {
  return BENIGN_KEYS.flatMap(([k, v], i) =>
    [0, 1].map((j) => {
      const template = BENIGN_SYNTAXES[(i + j) % BENIGN_SYNTAXES.length] ?? '{k}: {v}';
      return c(`neg-key-${k}-${j}`, fill(template, k, k, v), [], [v]);
    }),
  );
}

/** HTTP and HAR, where every cookie and credential goes whatever it looks like. */
const HTTP: CorpusCase[] = [
  c('har-cookies', '{"request": {"cookies": [{"name": "sid", "value": "{{ALNUM12}}", "path": "/", "httpOnly": true}, {"name": "locale", "value": "{{HEX24}}"}]}}', [['cookie', '{{ALNUM12}}'], ['cookie', '{{HEX24}}']], ['"path": "/"', '"httpOnly": true']),
  c('har-cookie-header', '{"headers": [{"name": "Cookie", "value": "_ga={{HEX24}}; sessionid={{ALNUM12}}"}]}', [['cookie', '{{HEX24}}'], ['cookie', '{{ALNUM12}}']], ['"name": "Cookie"', '_ga=', 'sessionid=']),
  c('har-set-cookie', '{"response": {"headers": [{"name": "set-cookie", "value": "csrftoken={{ALNUM12}}; Path=/; SameSite=Lax"}]}}', [['cookie', '{{ALNUM12}}']], ['Path=/; SameSite=Lax']),
  c('har-auth-header', '{"name": "authorization", "value": "Bearer {{HEX24}}"}', [['authorization', '{{HEX24}}']], ['"value": "Bearer ']),
  c('har-query', '{"queryString": [{"name": "access_token", "value": "{{ALNUM12}}"}, {"name": "page", "value": "2"}]}', [['secret', '{{ALNUM12}}']], ['"value": "2"']),
  c('har-postdata', '{"postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "password", "value": "{{SHORT_PW}}"}, {"name": "user", "value": "ops"}]}}', [['password', '{{SHORT_PW}}']], ['"value": "ops"']),
  c('har-postdata-text', '{"postData": {"text": "{\\"username\\":\\"ops\\",\\"password\\":\\"{{SHORT_PW}}\\"}"}}', [['password', '{{SHORT_PW}}']], ['\\"username\\":\\"ops\\"']),
  c('http-cookie-short', 'GET / HTTP/1.1\nHost: shop.acme.dev\nCookie: a={{ALNUM12}}; b=42x; theme=dark\n', [['cookie', '{{ALNUM12}}'], ['cookie', '42x']], ['Host: shop.acme.dev']),
  c('http-cookie-urlencoded', 'Cookie: cart=%7B%22id%22%3A%22{{HEX24}}%22%7D; lang=de', [['cookie', '{{HEX24}}']], ['Cookie: cart=']),
  c('http-set-cookie-hex', 'Set-Cookie: __Host-sess={{HEX24}}; Secure; HttpOnly; Path=/', [['cookie', '{{HEX24}}']], ['Secure; HttpOnly; Path=/']),
  c('http-x-header', 'X-Auth-Token: {{HEX24}}\nX-Request-Id: {{UUID}}', [['secret', '{{HEX24}}']], ['X-Request-Id: {{UUID}}']),
  c('http-amz-signature', 'https://bucket.s3.amazonaws.com/report.csv?X-Amz-Expires=900&X-Amz-Signature={{HEX24}}&X-Amz-Date=20240315T102201Z', [['secret', '{{HEX24}}']], ['X-Amz-Expires=900', 'X-Amz-Date=20240315T102201Z']),
  c('http-basic-header-short', 'Authorization: Basic {{B64_32}}', [['basic_auth', '{{B64_32}}']], ['Authorization: Basic ']),
  c('http-token-scheme', 'authorization: Token {{ALNUM12}}', [['authorization', '{{ALNUM12}}']], ['authorization: Token ']),
  c('url-userinfo', 'REDIS_URL=rediss://default:{{SHORT_PW}}@cache.acme.dev:6380', [['url_password', '{{SHORT_PW}}']], ['@cache.acme.dev:6380']),
];

/** SQL and database errors that echo column values. */
const SQL: CorpusCase[] = [
  c('sql-insert', "INSERT INTO users (id, email, phone, password_hash, dob) VALUES (7, 'ops@example.com', '030 1234567', '{{HEX24}}', '1985-03-03');", [['password', '{{HEX24}}'], ['phone', '030 1234567'], ['dob', '1985-03-03']], ['INSERT INTO users (id, email, phone, password_hash, dob) VALUES (7, ']),
  c('sql-insert-multi', "INSERT INTO `accounts` (`name`, `api_key`) VALUES ('alpha', '{{ALNUM12}}'), ('beta', '{{HEX24}}');", [['secret', '{{ALNUM12}}'], ['secret', '{{HEX24}}']], ["('alpha', ", "('beta', "]),
  c('sql-update', "UPDATE users SET password = '{{SHORT_PW}}' WHERE id = 42;", [['password', '{{SHORT_PW}}']], ['WHERE id = 42']),
  c('pg-duplicate', 'ERROR:  duplicate key value violates unique constraint "users_phone_key"\nDETAIL:  Key (phone)=(0151 23456789) already exists.', [['phone', '0151 23456789']], ['users_phone_key']),
  c('pg-duplicate-multi', 'DETAIL:  Key (tenant_id, ssn)=(42, 219-09-9999) already exists.', [['ssn', '219-09-9999']], ['Key (tenant_id, ssn)=(42, ']),
  c('mysql-duplicate', "ERROR 1062 (23000): Duplicate entry '0171 2345678' for key 'customers.mobile'", [['phone', '0171 2345678']], ["for key 'customers.mobile'"]),
  c('mssql-duplicate', "Cannot insert duplicate key row in object 'dbo.Users' with unique index 'IX_Users_TaxId'. The duplicate key value is (DE{{HEX24}}).", [['national_id', 'DE{{HEX24}}']], ["object 'dbo.Users'"]),
];

/** Tables whose header names the field, with no phone word next to the values. */
const TABLES: CorpusCase[] = [
  c('md-table-pii', '| name | mobile | birthday | plan |\n|------|--------|----------|------|\n| Ana | 0612 345 678 | 14/07/1990 | pro |\n| Li | 07700 900123 | 1988-11-02 | free |', [['phone', '0612 345 678'], ['phone', '07700 900123'], ['dob', '14/07/1990'], ['dob', '1988-11-02']], ['| pro |', '| free |']),
  c('csv-pii', 'id,full_name,tel,ssn,created_at\n1,Ana Lima,030 1234567,219-09-9999,2024-03-15\n2,Bo Chen,0612345678,078-05-1120,2024-03-16', [['phone', '030 1234567'], ['phone', '0612345678'], ['ssn', '219-09-9999'], ['ssn', '078-05-1120'], ['contact', 'Ana Lima'], ['contact', 'Bo Chen']], ['2024-03-15', '2024-03-16', 'id,full_name,tel,ssn,created_at']),
  c('tsv-secret', 'service\ttoken\towner\nbilling\t{{HEX24}}\tteam-a\nsearch\t{{ALNUM12}}\tteam-b', [['secret', '{{HEX24}}'], ['secret', '{{ALNUM12}}']], ['team-a', 'team-b']),
  c('psql-table', ' id | phone_number  | iban\n----+---------------+-----\n  1 | 06 12 34 56 78 | {{IBAN_FR}}\n(1 row)', [['phone', '06 12 34 56 78'], ['iban', '{{IBAN_FR}}']], ['(1 row)']),
  c('psql-expanded', '-[ RECORD 1 ]-----\nid       | 7\ntelefono | 612 34 56 78\nclave    | {{SHORT_PW}}', [['phone', '612 34 56 78'], ['password', '{{SHORT_PW}}']], ['id       | 7']),
  c('json-phones-array', '{"contact": {"phones": ["0151 23456789", "030 1234567"], "tier": "gold"}}', [['phone', '0151 23456789'], ['phone', '030 1234567']], ['"tier": "gold"']),
  c('json-log-phone-key', '{"ts":"2024-03-15T10:22:01Z","event":"sms_sent","msisdn":"4915123456789","status":"ok"}', [['phone', '4915123456789']], ['"status":"ok"', '2024-03-15T10:22:01Z']),
  c('json-e164-nokey', '{"ts":"2024-03-15T10:22:01Z","event":"call","to":"+14155550132","dur":31}', [['phone', '+14155550132']], ['"dur":31']),
];

/** Dates of birth near a birth word, in several languages and formats; other dates stay. */
const DOB: CorpusCase[] = [
  c('dob-en', 'Customer was born on 3 March 1985 and signed up on 2024-03-15.', [['dob', '3 March 1985']], ['2024-03-15']),
  c('dob-en-us', 'DOB: 03/14/1979 (verified), last login 04/02/2024 10:22', [['dob', '03/14/1979']], ['04/02/2024 10:22']),
  c('dob-en-month-first', 'Date of birth: March 3, 1985. Account created March 4, 2024.', [['dob', 'March 3, 1985']], ['March 4, 2024']),
  c('dob-de', 'Geburtsdatum: 03.03.1985, Kunde seit 01.01.2020', [['dob', '03.03.1985']], ['01.01.2020']),
  c('dob-de-text', 'geboren am 3. März 1985 in Köln', [['dob', '3. März 1985']], ['in Köln']),
  c('dob-fr', 'Mme Martin, née le 12 février 1979, a ouvert le ticket le 2024-03-15.', [['dob', '12 février 1979']], ['2024-03-15']),
  c('dob-fr-label', 'Date de naissance : 12/02/1979', [['dob', '12/02/1979']], ['Date de naissance : ']),
  c('dob-es', 'Fecha de nacimiento: 3 de marzo de 1985', [['dob', '3 de marzo de 1985']], ['Fecha de nacimiento: ']),
  c('dob-pt', 'Data de nascimento: 21/04/1992 — cliente desde 2019', [['dob', '21/04/1992']], ['cliente desde 2019']),
  c('dob-it', 'Nato il 5 maggio 1970 a Torino; data di nascita 05/05/1970', [['dob', '5 maggio 1970'], ['dob', '05/05/1970']], ['a Torino']),
  c('dob-nl', 'Geboortedatum: 1990-07-14, klant sinds 2021-01-01', [['dob', '1990-07-14']], ['2021-01-01']),
  c('dob-json-key', '{"user": {"birthDate": "19850303", "plan": "pro"}}', [['dob', '19850303']], ['"plan": "pro"']),
  c('dob-yaml-key', 'patient:\n  date_of_birth: 1985-03-03\n  ward: 4B', [['dob', '1985-03-03']], ['ward: 4B']),
  c('neg-dates', 'Released 2024-03-15, deadline 15/04/2024, meeting on March 3, 2025 at 10:00.', [], ['2024-03-15', '15/04/2024', 'March 3, 2025']),
];

/** National identity numbers next to their names, with valid check digits. */
const NATIONAL_IDS: CorpusCase[] = [
  c('id-nino', 'National Insurance number: {{NINO}}', [['national_id', '{{NINO}}']], ['National Insurance number: ']),
  c('id-steuer', 'Steuer-ID {{STEUER_ID}} liegt vor', [['national_id', '{{STEUER_ID}}']], ['liegt vor']),
  c('id-nir', 'Numéro de sécurité sociale : {{NIR}}', [['national_id', '{{NIR}}']], ['Numéro de sécurité sociale : ']),
  c('id-nir-bare', 'NIR {{NIR}} (carte vitale)', [['national_id', '{{NIR}}']], ['(carte vitale)']),
  c('id-dni', 'DNI: {{DNI}}', [['national_id', '{{DNI}}']], ['DNI: ']),
  c('id-nie', 'mi NIE es {{NIE}}', [['national_id', '{{NIE}}']], ['mi NIE es ']),
  c('id-cf', 'Il codice fiscale del cliente è {{CODICE_FISCALE}}.', [['national_id', '{{CODICE_FISCALE}}']], ['del cliente è']),
  c('id-cf-nolabel', 'intestatario: {{CODICE_FISCALE}}', [['national_id', '{{CODICE_FISCALE}}']], ['intestatario: ']),
  c('id-bsn', 'BSN {{BSN}} van de klant', [['national_id', '{{BSN}}']], ['van de klant']),
  c('id-cpf', 'CPF do titular: {{CPF}}', [['national_id', '{{CPF}}']], ['do titular: ']),
  c('id-cpf-nolabel', 'titular {{CPF}} confirmado', [['national_id', '{{CPF}}']], ['confirmado']),
  c('id-aadhaar', 'Aadhaar: {{AADHAAR}}', [['national_id', '{{AADHAAR}}']], ['Aadhaar: ']),
  c('id-sin', 'SIN {{SIN}} on file', [['national_id', '{{SIN}}']], ['on file']),
  c('id-passport', 'passport number {{PASSPORT}}', [['national_id', '{{PASSPORT}}']], ['passport number ']),
  c('id-ssn-json', '{"ssn": "219099999", "state": "CA"}', [['ssn', '219099999']], ['"state": "CA"']),
  c('neg-id-numbers', 'order 12345678 shipped in 2 boxes, tracking 123 456 789, build 2024.03.15', [], ['12345678', '123 456 789', '2024.03.15']),
];

/** MAC addresses in every notation; ids that look like them stay. */
const MACS: CorpusCase[] = [
  c('mac-colon', 'client {{MAC}} joined', [['mac', '{{MAC}}']], ['joined']),
  c('mac-dash', 'adapter {{MAC_DASHED}}', [['mac', '{{MAC_DASHED}}']], ['adapter']),
  c('mac-cisco', 'show mac address-table: {{MAC_CISCO}} Gi0/1', [['mac', '{{MAC_CISCO}}']], ['Gi0/1']),
  c('mac-bare-context', 'bssid={{MAC_BARE}} rssi=-61', [['mac', '{{MAC_BARE}}']], ['rssi=-61']),
  c('mac-json-key', '{"macAddress": "{{MAC_BARE}}", "vlan": 12}', [['mac', '{{MAC_BARE}}']], ['"vlan": 12']),
  c('neg-mac-like', 'commit {{SHA40}} build 1.2.3 id 0123456789ab', [], ['{{SHA40}}', '0123456789ab']),
];

/** Street addresses where a shape and a context word (or a postcode) agree. */
const ADDRESSES: CorpusCase[] = [
  c('addr-us', 'Please ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 by Friday.', [['address', '1600 Pennsylvania Avenue NW']], ['by Friday.']),
  c('addr-uk', 'Address: 221B Baker Street, London NW1 6XE', [['address', '221B Baker Street']], ['Address: ']),
  c('addr-de', 'Anschrift: Hauptstraße 12, 10115 Berlin', [['address', 'Hauptstraße 12, 10115 Berlin']], ['Anschrift: ']),
  c('addr-fr', 'Adresse : 12 rue de la Paix, 75002 Paris', [['address', '12 rue de la Paix']], ['Adresse : ']),
  c('addr-es', 'Dirección: Calle Mayor 5, 28013 Madrid', [['address', 'Calle Mayor 5']], ['Dirección: ']),
  c('addr-it', 'indirizzo Via Roma 10, 00184 Roma', [['address', 'Via Roma 10']], ['indirizzo ']),
  c('addr-pt', 'endereço: Rua Augusta 274, 1100-053 Lisboa', [['address', 'Rua Augusta 274']], ['endereço: ']),
  c('addr-nl', 'woonadres Keizersgracht 123, 1015 CJ Amsterdam', [['address', 'Keizersgracht 123']], ['woonadres ']),
  c('addr-json-key', '{"shipping_address": "742 Evergreen Terrace, Springfield", "items": 3}', [['address', '742 Evergreen Terrace, Springfield']], ['"items": 3']),
  c('neg-addr', 'Listening on 0.0.0.0:8080, bind_address: 10.0.0.5, step 3 Main loop, Room 4 Floor 2', [], ['0.0.0.0:8080', 'bind_address: 10.0.0.5', 'step 3 Main loop']),
];

/** Placeholders and benign values in structured text. */
const STRUCTURED_NEGATIVES: CorpusCase[] = [
  c('neg-har-benign', '{"headers": [{"name": "accept-language", "value": "de-DE,de;q=0.9"}, {"name": "x-request-id", "value": "{{UUID}}"}]}', [], ['de-DE,de;q=0.9', '{{UUID}}']),
  c('neg-json-placeholders', '{"password": "${DB_PASSWORD}", "token": "<your-token>", "secret": "changeme", "apiKey": "xxxx", "auth": "***", "session": null, "cookie": ""}', [], ['${DB_PASSWORD}', '<your-token>', 'changeme', '"apiKey": "xxxx"', '***']),
  c('neg-gha-secret', 'env:\n  API_TOKEN: ${{ secrets.API_TOKEN }}\n  PASSWORD: ${{ secrets.DB_PASSWORD }}', [], ['${{ secrets.API_TOKEN }}', '${{ secrets.DB_PASSWORD }}']),
  c('neg-k8s-ref', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password', [], ['secretKeyRef:', 'key: password']),
  c('neg-code-refs', 'password = config.password\ntoken = getToken()\napi_key = os.environ["API_KEY"]', [], ['config.password', 'getToken()', 'os.environ["API_KEY"]']),
  c('neg-arn', 'db_password: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db', [], ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db']),
  c('neg-counts-json', '{"usage": {"prompt_tokens": 812, "completion_tokens": 1532, "total_tokens": 2344}, "model": "m-large"}', [], ['"prompt_tokens": 812', '"total_tokens": 2344']),
  c('neg-booleans', 'auth: true\ncookie_secure: false\nsession: enabled\npassword_required: yes', [], ['auth: true', 'cookie_secure: false', 'session: enabled', 'password_required: yes']),
  c('neg-shell-pipes', 'cat token.txt | base64 -d | jq .\necho $TOKEN | docker login --password-stdin', [], ['| base64 -d | jq .', '--password-stdin']),
  c('neg-prose-labels', 'Steps: open the app\nExpected result: the token is refreshed\nActual result: 401 after 10 minutes', [], ['the token is refreshed', '401 after 10 minutes']),
  c('neg-table-benign', '| id | status | updated_at |\n|---|---|---|\n| 48213 | open | 2024-03-15 |', [], ['48213', '2024-03-15']),
  c('neg-versions-ids', 'order ORD-2024-00042, card ending 4242, v2.14.3, 192.168.1.20, support@example.com, {{UUID}}', [], ['ORD-2024-00042', 'card ending 4242', 'v2.14.3', '192.168.1.20', 'support@example.com', '{{UUID}}']),
];

export const FORMAT_CASES: CorpusCase[] = [
  ...formatCases(),
  ...benignKeyCases(),
  ...HTTP,
  ...SQL,
  ...TABLES,
  ...DOB,
  ...NATIONAL_IDS,
  ...MACS,
  ...ADDRESSES,
  ...STRUCTURED_NEGATIVES,
];
