/**
 * Every kind the engine knows: the placeholder label it becomes, the policy category that decides whether a
 * target strips it, and its rank when detections overlap (the higher rank names the merged span).
 */

import { catalogueLabels } from './providers/catalogue.js';
import { PAIR_RULES } from './providers/pairs.js';

/** Which part of the policy a kind belongs to; see the table at the top of index.ts. */
export type Category = 'secret' | 'personal' | 'company' | 'contact_name' | 'term' | 'custom';

export interface KindInfo {
  label: string;
  category: Category;
  rank: number;
  /** `[CUSTOMER]` reads better than `[CUSTOMER_1]`; there is one customer per ticket. */
  numbered: boolean;
}

const secret = (label: string, rank = 100): KindInfo => ({ label, category: 'secret', rank, numbered: true });
const personal = (label: string, rank: number): KindInfo => ({ label, category: 'personal', rank, numbered: true });

const BUILTIN: Readonly<Record<string, KindInfo>> = {
  github_token: secret('GITHUB_TOKEN'),
  gitlab_token: secret('GITLAB_TOKEN'),
  linear_api_key: secret('LINEAR_API_KEY'),
  linear_oauth_token: secret('LINEAR_OAUTH_TOKEN'),
  npm_token: secret('NPM_TOKEN'),
  slack_token: secret('SLACK_TOKEN'),
  slack_webhook: secret('SLACK_WEBHOOK'),
  stripe_key: secret('STRIPE_KEY'),
  stripe_webhook_secret: secret('STRIPE_WEBHOOK_SECRET'),
  aws_access_key: secret('AWS_ACCESS_KEY'),
  aws_secret_key: secret('AWS_SECRET_KEY', 99),
  google_api_key: secret('GOOGLE_API_KEY'),
  pylon_token: secret('PYLON_TOKEN'),
  openai_key: secret('OPENAI_KEY'),
  anthropic_key: secret('ANTHROPIC_KEY'),
  sendgrid_key: secret('SENDGRID_KEY'),
  shopify_token: secret('SHOPIFY_TOKEN'),
  onepassword_token: secret('ONEPASSWORD_TOKEN'),
  gcp_credentials: secret('GCP_CREDENTIALS'),
  jwt: secret('JWT', 98),
  private_key: secret('PRIVATE_KEY', 101),
  basic_auth: secret('BASIC_AUTH', 94),
  authorization: secret('AUTHORIZATION', 93),
  url_password: secret('PASSWORD', 95),
  password: secret('PASSWORD', 91),
  secret: secret('SECRET', 90),
  cookie: secret('COOKIE', 90),
  card: personal('CARD', 80),
  iban: personal('IBAN', 80),
  ssn: personal('SSN', 75),
  national_id: personal('NATIONAL_ID', 76),
  bank_account: personal('BANK_ACCOUNT', 78),
  dob: personal('DOB', 74),
  address: personal('ADDRESS', 65),
  email: personal('EMAIL', 70),
  phone: personal('PHONE', 60),
  ip: personal('IP', 62),
  mac: personal('MAC', 55),
  username: personal('USER', 58),
  term: { label: 'TERM', category: 'term', rank: 50, numbered: true },
  contact: { label: 'CONTACT', category: 'contact_name', rank: 45, numbered: true },
  customer_domain: { label: 'CUSTOMER_DOMAIN', category: 'company', rank: 42, numbered: false },
  customer: { label: 'CUSTOMER', category: 'company', rank: 40, numbered: false },
};

/** Team patterns from config rank between secrets and personal data: the team asked for them explicitly. */
const CUSTOM_RANK = 85;

/** A config kind such as `order-email` becomes the label `ORDER_EMAIL`. */
function labelForCustomKind(kind: string): string {
  const label = kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return /^[A-Z]/.test(label) ? label : `CUSTOM${label ? `_${label}` : ''}`;
}

/** Kinds of the provider catalogue and its id + secret pairs: secrets, labelled after their family. */
function providerKind(kind: string): KindInfo | undefined {
  const label = catalogueLabels().get(kind) ?? PAIR_LABELS.get(kind);
  return label === undefined ? undefined : secret(label);
}

const PAIR_LABELS = new Map(PAIR_RULES.map((r) => [r.kind, r.kind.toUpperCase()]));

export function kindInfo(kind: string): KindInfo {
  const builtin = Object.hasOwn(BUILTIN, kind) ? BUILTIN[kind] : undefined;
  return builtin ?? providerKind(kind) ?? { label: labelForCustomKind(kind), category: 'custom', rank: CUSTOM_RANK, numbered: true };
}

export function builtinLabels(): string[] {
  const labels = Object.values(BUILTIN).map((info) => info.label);
  for (const label of catalogueLabels().values()) labels.push(label);
  for (const label of PAIR_LABELS.values()) labels.push(label);
  return [...new Set(labels)];
}
