/**
 * Key-name vocabulary as data: which words in a key name a credential or a personal field, in English and
 * the languages support tickets arrive in (German, French, Spanish, Portuguese, Italian, Dutch, and a few
 * more). Words are matched after the key is cut into words (camelCase, snake, kebab, dots, spaces) and
 * lower-cased with accents folded, so `Passwort`, `PASSWORT`, `mot_de_passe`, `contraseña` and `dbPassword`
 * are all spelled once here. Multi-word names are written joined (`dateofbirth`): the classifier also tries
 * two to four adjacent words joined.
 */

import { foldAccents } from '../term-pattern.js';

/** What a field holds; decides the placeholder kind and how its value is judged. */
export type FieldClass =
  | 'password' // any value that is not a placeholder
  | 'secret' // any value that is not a placeholder or a plain word
  | 'cookie' // every cookie value of a `name=value; …` list
  | 'authorization' // an HTTP credential, after its scheme
  | 'weak_secret' // only random-looking values (`key`, `sid` alone)
  | 'phone'
  | 'dob'
  | 'national_id'
  | 'bank_account'
  | 'address'
  | 'person_name'
  | 'email';

// Keys are folded before lookup (accents and other marks dropped, NFD), so the vocabulary is folded the same
// way: `şifre`, `パスワード` and `비밀번호` then meet their keys whatever the script does under NFD.
function entries(cls: FieldClass, words: string): Array<[string, FieldClass]> {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [foldAccents(w).toLowerCase(), cls]);
}

/** Whole words (or joined word sequences) that make a key name a field of that class when they are its head. */
export const HEAD_WORDS: ReadonlyMap<string, FieldClass> = new Map<string, FieldClass>([
  ...entries('password', `
    password passwords passwd pwd pass passphrase passcode pw pword pin pincode otp totp mfacode
    passwort passwoerter passworter kennwort kenwort losung
    motdepasse mdp
    contrasena contrasenas clave claveacceso
    senha senhas
    parolachiave parolasegreta
    wachtwoord wachtwoorden
    haslo heslo lozinka parola salasana adgangskode adgangskoden losenord losenordet passord passordet
    dbpass rootpass adminpass userpass
    пароль пароли парольпользователя パスワード 密码 密碼 口令 비밀번호 암호 סיסמה كلمةالمرور كلمةالسر sifre şifre parolă
    contrasenya palavrapasse
  `),
  ...entries('secret', `
    secret secrets clientsecret appsecret consumersecret secretkey privatekey signingkey encryptionkey
    decryptionkey masterkey hmackey hmacsecret sharedsecret webhooksecret jwtsecret sessionsecret
    secretaccesskey accesskey apikey apikeys authkey serverkey licensekey licencekey subscriptionkey
    accountkey storagekey servicekey adminkey writekey readkey ingestkey deploykey sshkey gpgkey
    token accesstoken refreshtoken authtoken idtoken apitoken bearertoken sessiontoken
    securitytoken csrftoken xsrftoken oauthtoken bottoken usertoken apptoken clienttoken
    credential credentials creds cred
    session sessionid sessid sessionkey
    signature sig hmac
    geheimnis geheim schluessel apischluessel zugangsschluessel zugangsdaten
    schlussel apischlussel zugangsschlussel
    secreto secreta segredo segreto chiave chiavesegreta chave chavesecreta sleutel geheimesleutel
    jeton jetons jeton cle cleapi clesecrete clef
    privkey privatkey
    dsn connectionstring connstr
    authorizationcode authcode oauthcode
    токен ключ секрет apiключ トークン シークレット 令牌 密钥 密鑰 秘钥 토큰 시크릿 מפתח توكن رمز
    токендоступа ключдоступа секретныйключ апиключ apiтокен キー apiキー アクセストークン 访问令牌 訪問令牌 api密钥 访问密钥
    claveapi clavedeapi chiaveapi chaveapi chavedeapi tokenapi tokendeapi tokendeacesso tokendeacceso tokendiaccesso
    jetondacces cleprivee chaveprivada claveprivada chiaveprivata chavedeacesso clavedeacceso
  `),
  ...entries('cookie', 'cookie cookies setcookie'),
  ...entries('authorization', 'authorization authorisation auth authentication proxyauthorization bearer'),
  ...entries('weak_secret', 'key sid jwt nonce salt pat'),
  ...entries('phone', `
    phone phones telephone tel tele fax mobile mobil cell cellphone cellular msisdn whatsapp sms
    phonenumber mobilenumber cellnumber faxnumber contactnumber
    telefon telefonnummer handy handynummer mobilnummer rufnummer festnetz
    telephone portable numerodetelephone
    telefono movil celular fijo
    telefone telemovel
    cellulare telefonino
    telefoon telefoonnummer mobiel gsm
    contato contacto contact kontakt contatto contactno contactphone celphone fone whatsapp telefonnr telnr
    телефон мобильный 電話 電話番号 携帯 电话 手机 전화 전화번호
  `),
  ...entries('dob', `
    dob birth birthdate birthday dateofbirth bday birthdt
    geburtsdatum geburtstag geboren geburt
    datedenaissance naissance anniversaire
    fechadenacimiento nacimiento fechanac cumpleanos
    datadenascimento nascimento datanasc aniversario
    datadinascita nascita
    geboortedatum geboren verjaardag
  `),
  ...entries('national_id', `
    ssn socialsecurity socialsecuritynumber sin nino nationalinsurance nationalinsurancenumber
    nationalid nationalidentity nationalidnumber idnumber idcard identitycard identitynumber
    passport passportnumber passportno reisepass reisepassnummer passnummer pasaporte passeport passaporto
    passaporte paspoort paszport drivinglicence driverslicense driverlicense licensenumber
    taxid tin taxnumber taxidentificationnumber vatid
    steuerid steueridentifikationsnummer steuernummer idnr personalausweis ausweisnummer sozialversicherungsnummer
    nir insee securitesociale numerodesecuritesociale numerosecu secu cni
    dni nie nif nss documentoidentidad cedula curp rfc
    cpf cnpj
    codicefiscale
    bsn burgerservicenummer
    aadhaar aadhar pan
    pesel personnummer hetu
  `),
  ...entries('bank_account', `
    iban ibans bankaccount accountnumber bankaccountnumber routingnumber sortcode
    kontonummer bankverbindung rib numerodecompte cuentabancaria numerodecuenta contabancaria
    contocorrente rekeningnummer creditcard cardnumber ccnumber pan cvv cvc
  `),
  ...entries('address', `
    address addresses addr streetaddress street homeaddress postaladdress mailingaddress shippingaddress
    billingaddress residentialaddress addressline addressline1 addressline2
    adresse anschrift strasse wohnort wohnadresse lieferadresse rechnungsadresse
    adresse domicile adressepostale
    direccion domicilio calle
    endereco morada
    indirizzo residenza
    adres woonadres straat
  `),
  ...entries('person_name', `
    firstname lastname fullname givenname familyname surname middlename maidenname contactname
    cardholdername cardholder holdername accountholder accountholdername legalname
    vorname nachname familienname
    prenom nomdefamille
    nombre apellido apellidos nombrecompleto
    nome cognome sobrenome nomecompleto
    voornaam achternaam
    customername clientname customerfullname buyername recipientname patientname
    имя фамилия 氏名 姓名 名前
  `),
  ...entries('email', 'email emails emailaddress mail mailaddress correo courriel'),
]);

/**
 * Words that may follow the head word without changing what the field holds: `password_hash`, `token_value`,
 * `phone_number`, `iban_no`, `secret_b64`. Any other following word makes the key name something else:
 * `token_count`, `password_reset_url`, `primary_key_id`, `phone_model`.
 */
export const TRANSPARENT_AFTER: ReadonlySet<string> = new Set(
  `value val str string b64 base64 hex raw enc encrypted plain plaintext text hash hashed digest data base bytes
   pem der cleartext clear literal old new current confirm confirmation again repeat verify verification
   number num no nr nro numero nummer digits e164 intl international national formatted full line home work
   primary secondary private personal mobile main alt alternate other
   1 2 3`.split(/\s+/).filter(Boolean),
);

/**
 * Words that, right before the head word, make it name something that is not a secret or a personal value:
 * `max_tokens`, `next_page_token`, `public_key`, `primary_key`, `ip_address`, `is_password`, `show_password`.
 */
export const NEGATING_BEFORE: ReadonlySet<string> = new Set(
  `page next prev previous continuation cursor pagination sync resume idempotency public publishable primary
   foreign sort partition cache object i18n translation routing dedup dedupe max min num total count request
   trace correlation event is has use uses enable enabled disable disabled show hide require required allow
   allowed no invalid expired missing bad wrong length size ttl type
   ip ipv4 ipv6 mac email mail remote local bind listen server host wallet contract memory return web url
   socket peer proxy gateway broadcast multicast hardware physical network net from reply sender recipient
   inet ether link lladdr hw bluetooth bt device node virtual dest destination source src dst hop
   forwarding lan wan vpn nat loopback base ipaddress macaddress
   file path dir folder`.split(/\s+/).filter(Boolean),
);

/** Prepositions that introduce a complement after the head word: `token_de_acceso`, `password_of_user`. */
export const COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(
  `de del do da di du des van von of for para pour per der des dello della dos das fur zum zur voor bij
   dla od na от для к ко на из у в во по za pa`.split(/\s+/).filter(Boolean),
);

/**
 * Single-word compounds end in these heads (`datenbankpasswort`, `accesstoken`, `userpassword`); a head is
 * only listed if no everyday word ends in it (`key` is not: monkey, hockey; `pass` is not: compass).
 */
export const COMPOUND_HEADS: ReadonlyArray<[string, FieldClass]> = [
  ['password', 'password'], ['passwort', 'password'], ['passwd', 'password'], ['kennwort', 'password'],
  ['wachtwoord', 'password'], ['contrasena', 'password'], ['motdepasse', 'password'], ['passphrase', 'password'],
  ['secret', 'secret'], ['token', 'secret'], ['apikey', 'secret'], ['secretkey', 'secret'],
  ['privatekey', 'secret'], ['accesskey', 'secret'], ['credentials', 'secret'], ['credential', 'secret'],
  ['sessionid', 'secret'], ['sessid', 'secret'], ['cookie', 'cookie'],
  ['telefonnummer', 'phone'], ['phonenumber', 'phone'], ['handynummer', 'phone'], ['rufnummer', 'phone'],
  ['geburtsdatum', 'dob'], ['birthdate', 'dob'], ['dateofbirth', 'dob'],
  ['adresse', 'address'], ['address', 'address'],
  // Chinese, Japanese and Korean write compounds without spaces: 数据库密码 (database password), API密钥.
  ['密码', 'password'], ['密碼', 'password'], ['口令', 'password'], ['パスワード', 'password'], ['비밀번호', 'password'],
  ['密钥', 'secret'], ['密鑰', 'secret'], ['秘钥', 'secret'], ['令牌', 'secret'], ['トークン', 'secret'],
  ['토큰', 'secret'],
];

/**
 * Compounds that end in a head but name something else (`secretname` in Kubernetes, `tokenizer` does not end
 * in token but `detokenizer` would). Checked before COMPOUND_HEADS.
 */
export const NOT_COMPOUNDS: ReadonlySet<string> = new Set(
  `ipaddress macaddress emailaddress mailaddress remoteaddress localaddress serveraddress bindaddress
   listenaddress hostaddress walletaddress contractaddress ipadresse macadresse emailadresse mailadresse
   webadresse ipadres macadres emailadres hardwareaddress physicaladdress gatewayaddress proxyaddress
   peeraddress sourceaddress destinationaddress broadcastaddress nodeaddress deviceaddress baseaddress
   returnaddress netaddress nexttoken pagetoken continuationtoken resumetoken synctoken cursortoken
   maxtoken maxtokens counttoken csrfcookie jsonwebtoken`.split(/\s+/).filter(Boolean),
);

/** Keys that name the field of a name/value record: HAR headers, k8s env, AWS parameters, XML properties. */
export const NAME_MEMBERS: ReadonlySet<string> = new Set(
  'name key field header param parameter variable var parametername parameterkey optionname attribute attr property label'.split(' '),
);
export const VALUE_MEMBERS: ReadonlySet<string> = new Set(
  'value val parametervalue optionvalue content data text secretvalue stringvalue'.split(' '),
);
