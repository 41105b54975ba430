import { AuthError, ConfigError, type ServiceName } from '../errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Credentials {
  token: string;
  baseUrl: string;
  /** The variable the token came from, for messages. */
  variable: string;
}

export const DEFAULT_ENDPOINTS: Record<ServiceName, string> = {
  linear: 'https://api.linear.app/graphql',
  github: 'https://api.github.com',
  pylon: 'https://api.usepylon.com',
  pagerduty: 'https://events.pagerduty.com',
  slack: 'https://slack.com/api',
};

const TOKEN_VARIABLES: Record<ServiceName, string[]> = {
  linear: ['LINEAR_API_KEY'],
  github: ['GITHUB_TOKEN', 'GH_TOKEN'],
  pylon: ['PYLON_API_TOKEN'],
  /** An Events API v2 integration key (the "routing key" of a PagerDuty service). */
  pagerduty: ['PAGERDUTY_ROUTING_KEY'],
  /** A bot token for chat.postMessage; an incoming webhook (SLACK_WEBHOOK_URL) is read separately. */
  slack: ['SLACK_BOT_TOKEN'],
};

const URL_VARIABLE: Record<ServiceName, string> = {
  linear: 'LINEAR_API_URL',
  github: 'GITHUB_API_URL',
  pylon: 'PYLON_API_URL',
  pagerduty: 'PAGERDUTY_EVENTS_URL',
  slack: 'SLACK_API_URL',
};

const TOKEN_HINTS: Record<ServiceName, string> = {
  linear: 'Create a personal API key in Linear (Settings → Security & access → Personal API keys) and `export LINEAR_API_KEY=...`.',
  github: 'Create a token that can write issues (fine-grained: "Issues: read and write") and `export GITHUB_TOKEN=...` (or GH_TOKEN).',
  pylon: 'Create an API token in Pylon (Settings → API tokens, admin only) and `export PYLON_API_TOKEN=...`.',
  pagerduty: 'Add an "Events API v2" integration to the on-call PagerDuty service and `export PAGERDUTY_ROUTING_KEY=...` (its integration key).',
  slack: 'Install a Slack app with the chat:write and channels:history scopes in the channel and `export SLACK_BOT_TOKEN=...`.',
};

export function tokenVariables(service: ServiceName): string[] {
  return TOKEN_VARIABLES[service];
}

/** Whether a token is present, without reading it into any message. */
export function hasToken(env: Env, service: ServiceName): boolean {
  return TOKEN_VARIABLES[service].some((name) => Boolean(env[name]?.trim()));
}

/** Endpoints and tokens come from the environment only; a missing token names the variable to set. */
export function credentialsFor(env: Env, service: ServiceName): Credentials {
  const variable = TOKEN_VARIABLES[service].find((name) => Boolean(env[name]?.trim()));
  if (!variable) {
    const names = TOKEN_VARIABLES[service].join(' or ');
    throw new AuthError(service, `${names} is not set`, { hint: `${TOKEN_HINTS[service]} \`triage doctor\` checks your set-up.` });
  }
  const baseUrl = endpointFor(env, service);
  return { token: env[variable]!.trim(), baseUrl, variable };
}

/** The variable that overrides a service's endpoint, for messages that name the fix. */
export function urlVariable(service: ServiceName): string {
  return URL_VARIABLE[service];
}

/** The endpoint: the override when set (checked to be an http(s) URL, so a typo is named, not sent), else the default. */
export function endpointFor(env: Env, service: ServiceName): string {
  const override = env[URL_VARIABLE[service]]?.trim();
  if (!override) return DEFAULT_ENDPOINTS[service];
  checkEndpointUrl(URL_VARIABLE[service], override, DEFAULT_ENDPOINTS[service]);
  return override;
}

/** Throws a ConfigError naming the variable when `value` is not an absolute http(s) URL. */
export function checkEndpointUrl(variable: string, value: string, example: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
    throw new ConfigError(`${variable}=${shown} is not a valid URL (expected http:// or https://)`, {
      hint: `Set ${variable} to the full endpoint (e.g. ${example}), or unset it to use the default.`,
    });
  }
}
