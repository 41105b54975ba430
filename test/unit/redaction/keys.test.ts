import { describe, expect, it } from 'vitest';
import { classifyKeyName, keyWords } from '../../../src/core/redaction/keys/classify.js';

/** Key-name classification: the head word decides, in any casing and the languages tickets arrive in. */
const NAMED: Array<[string, string]> = [
  // credentials, every casing
  ['password', 'password'], ['PASSWORD', 'password'], ['dbPassword', 'password'], ['db_password', 'password'],
  ['DB-PASSWORD', 'password'], ['Db.Password', 'password'], ['userpassword', 'password'], ['passwd', 'password'],
  ['pwd', 'password'], ['new_password_confirmation', 'password'], ['password_hash', 'password'], ['password2', 'password'],
  ['apiKey', 'secret'], ['API_KEY', 'secret'], ['x-api-key', 'secret'], ['APIKey', 'secret'], ['apikey', 'secret'],
  ['client_secret', 'secret'], ['clientSecret', 'secret'], ['secret_key_base', 'secret'], ['aws_secret_access_key', 'secret'],
  ['accessToken', 'secret'], ['refresh_token', 'secret'], ['X-Auth-Token', 'secret'], ['sessionToken', 'secret'],
  ['session_id', 'secret'], ['PHPSESSID', 'secret'], ['signature', 'secret'], ['X-Amz-Signature', 'secret'],
  ['private_key', 'secret'], ['signingKey', 'secret'], ['credentials', 'secret'], ['Ocp-Apim-Subscription-Key', 'secret'],
  ['reset_password_token', 'secret'], ['csrf_token', 'secret'], ['connectionString', 'secret'],
  ['Authorization', 'authorization'], ['proxy-authorization', 'authorization'], ['auth', 'authorization'],
  ['Cookie', 'cookie'], ['set-cookie', 'cookie'], ['cookies', 'cookie'],
  ['key', 'weak_secret'], ['sid', 'weak_secret'],
  // other languages
  ['Passwort', 'password'], ['datenbankPasswort', 'password'], ['Kennwort', 'password'], ['mot_de_passe', 'password'],
  ['motDePasse', 'password'], ['mdp', 'password'], ['contraseña', 'password'], ['CONTRASEÑA', 'password'],
  ['contrasena_del_usuario', 'password'], ['senha', 'password'], ['wachtwoord', 'password'], ['parola_chiave', 'password'],
  ['token_de_acceso', 'secret'], ['chiave_segreta', 'secret'], ['geheimnis', 'secret'], ['jeton', 'secret'],
  // umlauts typed as such or folded, and scripts whose letters NFD decomposes
  ['API-Schlüssel', 'secret'], ['Zugangsschlüssel', 'secret'], ['Passwörter', 'password'],
  ['пароль', 'password'], ['Пароль', 'password'], ['токен', 'secret'], ['パスワード', 'password'], ['トークン', 'secret'],
  ['密码', 'password'], ['비밀번호', 'password'], ['토큰', 'secret'], ['şifre', 'password'], ['parolă', 'password'],
  // personal fields
  ['phone', 'phone'], ['phoneNumber', 'phone'], ['mobile_no', 'phone'], ['tel', 'phone'], ['msisdn', 'phone'],
  ['Telefonnummer', 'phone'], ['handynummer', 'phone'], ['téléphone', 'phone'], ['numero_de_telefono', 'phone'],
  ['telefone', 'phone'], ['cellulare', 'phone'], ['telefoonnummer', 'phone'],
  ['dob', 'dob'], ['date_of_birth', 'dob'], ['birthDate', 'dob'], ['birthday', 'dob'], ['Geburtsdatum', 'dob'],
  ['date_de_naissance', 'dob'], ['fecha_de_nacimiento', 'dob'], ['data_de_nascimento', 'dob'], ['data_di_nascita', 'dob'],
  ['geboortedatum', 'dob'],
  ['ssn', 'national_id'], ['social_security_number', 'national_id'], ['passport_number', 'national_id'],
  ['national_id', 'national_id'], ['steuer_id', 'national_id'], ['codice_fiscale', 'national_id'], ['bsn', 'national_id'],
  ['cpf', 'national_id'], ['aadhaar', 'national_id'], ['nino', 'national_id'], ['dni', 'national_id'],
  ['iban', 'bank_account'], ['account_number', 'bank_account'], ['Kontonummer', 'bank_account'],
  ['address', 'address'], ['street_address', 'address'], ['billingAddress', 'address'], ['Anschrift', 'address'],
  ['adresse', 'address'], ['dirección', 'address'], ['endereço', 'address'], ['indirizzo', 'address'],
  ['email_address', 'email'], ['first_name', 'person_name'], ['lastName', 'person_name'], ['Nachname', 'person_name'], ['prénom', 'person_name'],
];

const NOT_NAMED = [
  'token_count', 'tokenCount', 'max_tokens', 'maxTokens', 'prompt_tokens', 'tokenizer', 'token_type', 'keyboard', 'monkey',
  'passage', 'compass', 'bypass', 'primary_key_id', 'primary_key', 'foreign_key', 'public_key', 'publishable_key',
  'partition_key', 'sort_key', 'cache_key', 'idempotency_key', 'next_page_token', 'page_token', 'password_reset_url',
  'password_min_length', 'passwordPolicy', 'is_password', 'show_password', 'secretName', 'secret_name', 'secret_id',
  'api_key_id', 'access_key_id', 'client_id', 'session_expires', 'session_count', 'auth_url', 'auth_type', 'author',
  'authority', 'ip_address', 'remote_addr', 'mac_address', 'bind_address', 'listen_address',
  'phone_model', 'mobile_app_version', 'telemetry', 'hotel', 'cellar', 'birthplace_city', 'username', 'name',
  'signature_algorithm', 'cookie_domain', 'cookie_max_age', 'token_endpoint', 'key_file', 'ssh_key_path', 'keys',
];

describe('key-name classification', () => {
  it('cuts keys into words across casings', () => {
    expect(keyWords('APIKey')).toEqual(['api', 'key']);
    expect(keyWords('db_Password2')).toEqual(['db', 'password']);
    expect(keyWords('x-auth-token')).toEqual(['x', 'auth', 'token']);
    expect(keyWords('Contraseña')).toEqual(['contrasena']);
  });

  for (const [key, cls] of NAMED) {
    it(`"${key}" names ${cls}`, () => {
      expect(classifyKeyName(key)?.cls ?? null).toBe(cls);
    });
  }

  for (const key of NOT_NAMED) {
    it(`"${key}" names nothing sensitive`, () => {
      expect(classifyKeyName(key)).toBeNull();
    });
  }
});
