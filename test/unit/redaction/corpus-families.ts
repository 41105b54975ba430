/**
 * Corpus cases for leak families found on text written outside the project (session 6): names in account
 * records. Each family has
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
  c('account-csv', 'name,password\n{{FULL_NAME}},{{PASSWORD}}', [['contact', '{{FULL_NAME}}'], ['password', '{{PASSWORD}}']], ['name,password']),
  c('account-sql', "INSERT INTO logins (login, passwd) VALUES ('{{FULL_NAME}}', '{{PASSWORD}}');", [['contact', '{{FULL_NAME}}'], ['password', '{{PASSWORD}}']], ['INSERT INTO logins (login, passwd) VALUES (']),
  c('neg-account-services', '{"name": "Deploy Key", "token": "{{ALNUM32}}"}\n{"name": "Orders Service", "password": "{{PASSWORD}}"}\n{"name": "prod-db", "secret": "{{HEX32}}"}', [['secret', '{{ALNUM32}}'], ['password', '{{PASSWORD}}'], ['secret', '{{HEX32}}']], ['"Deploy Key"', '"Orders Service"', '"prod-db"']),
  c('neg-account-things', '{"name": "Production", "secret": "{{HEX32}}"}\n{"name": "Read Only", "api_key": "{{ALNUM32}}"}\n{"user": "admin", "password": "{{PASSWORD}}"}\n{"name": "GitHub Actions", "token": "{{HEX64}}"}', [['secret', '{{HEX32}}'], ['secret', '{{ALNUM32}}'], ['password', '{{PASSWORD}}'], ['secret', '{{HEX64}}']], ['"Production"', '"Read Only"', '"admin"', '"GitHub Actions"']),
  c('neg-account-no-credential', '{"name": "Billing Worker", "token_count": 12}\n{"name": "Grace Hopper Room", "capacity": 8}', [], ['"Billing Worker"', '"Grace Hopper Room"']),
];

export const FAMILY_CASES: CorpusCase[] = [...ACCOUNT_RECORDS];
