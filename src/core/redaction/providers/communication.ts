import { ALNUM, HEX, infix, keyword, prefix, UUID_SRC, type Family } from './family.js';

/** Messaging, chat, e-mail and telephony APIs. */
export const COMMUNICATION: readonly Family[] = [
  // Slack: bot, user, app-level, workspace, legacy, configuration tokens, and webhooks
  prefix('slack-bot-token', 'Slack', 'xoxb-', '[0-9]{6,14}-[A-Za-z0-9-]{8,250}', { kind: 'slack_token' }),
  prefix('slack-user-token', 'Slack', ['xoxp-', 'xoxe-'], '[0-9]{1,14}-[A-Za-z0-9-]{8,250}', { kind: 'slack_token' }),
  prefix('slack-legacy-token', 'Slack', ['xoxa-', 'xoxo-', 'xoxs-', 'xoxr-'], '[A-Za-z0-9-]{8,250}', { kind: 'slack_token' }),
  prefix('slack-config-token', 'Slack', ['xoxe.xoxp-', 'xoxe.xoxb-'], '[0-9]-[A-Za-z0-9]{100,200}', { kind: 'slack_token' }),
  prefix('slack-app-token', 'Slack', 'xapp-', '[0-9]-[A-Za-z0-9]{6,20}-[0-9]{6,20}-[A-Za-z0-9]{20,80}', { kind: 'slack_token' }),
  prefix('slack-webhook-url', 'Slack', ['https://hooks.slack.com/services/', 'https://hooks.slack.com/workflows/', 'https://hooks.slack.com/triggers/', 'http://hooks.slack.com/services/', 'http://hooks.slack.com/workflows/', 'http://hooks.slack.com/triggers/'], '[A-Za-z0-9_/+-]{20,300}', { kind: 'slack_webhook', tail: 'A-Za-z0-9_/+-' }),
  // Discord: bot tokens start with the base64 of a numeric user id; webhooks carry their token in the path.
  prefix('discord-bot-token', 'Discord', ['MT', 'Mj', 'Mz', 'ND', 'NT', 'Nj', 'Nz', 'OD', 'OT'], `[${ALNUM}]{21,26}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,40}`, { keep: 0 }),
  prefix('discord-webhook-url', 'Discord', ['https://discord.com/api/webhooks/', 'https://discordapp.com/api/webhooks/', 'https://canary.discord.com/api/webhooks/'], '[0-9]{17,20}/[A-Za-z0-9_-]{60,72}'),
  keyword('discord-client-secret', 'Discord', 'discord', `[${HEX}]{64}|[0-9]{17,19}|[A-Za-z0-9=_-]{32}`),
  // Telegram bot tokens: `<bot id>:AA<33 more>`
  infix('telegram-bot-token', 'Telegram', '[0-9]{5,16}', 16, ':AA', '[A-Za-z0-9_-]{31,35}'),
  // Microsoft Teams / Power Automate webhooks
  infix('teams-webhook-url', 'Microsoft Teams', 'https://[a-z0-9-]{1,60}', 67, '.webhook.office.com/webhookb2/', '[A-Za-z0-9@/_-]{60,300}', { tail: 'A-Za-z0-9@/_-' }),
  prefix('mattermost-webhook', 'Mattermost', 'hooks/', '[a-z0-9]{26}', { keep: 6 }),
  keyword('mattermost-token', 'Mattermost', 'mattermost', '[a-z0-9]{26}'),
  prefix('zapier-webhook', 'Zapier', 'https://hooks.zapier.com/hooks/catch/', '[0-9]{3,12}/[A-Za-z0-9]{4,12}/?', { tail: 'A-Za-z0-9' }),
  keyword('gitter-token', 'Gitter', 'gitter', '[A-Za-z0-9_-]{40}'),
  keyword('twitch-token', 'Twitch', 'twitch', '[a-z0-9]{30}'),
  // Twilio: account SIDs and API key SIDs; their auth tokens and secrets are paired in pairs.ts.
  prefix('twilio-api-key', 'Twilio', 'SK', `[${HEX}A-F]{32}`, { keep: 0, tail: 'A-Za-z0-9' }),
  prefix('twilio-account-sid', 'Twilio', 'AC', `[${HEX}]{32}`, { keep: 0, tail: 'A-Za-z0-9' }),
  keyword('twilio-auth-token', 'Twilio', 'twilio', `[${HEX}]{32}`),
  // E-mail delivery
  prefix('sendgrid-api-key', 'SendGrid', 'SG.', '[A-Za-z0-9_-]{16,64}\\.[A-Za-z0-9_-]{16,64}', { kind: 'sendgrid_key' }),
  keyword('mailgun-api-key', 'Mailgun', 'mailgun', `(?:key-)?[${HEX}]{32}|[${HEX}]{32}-[${HEX}]{8}-[${HEX}]{8}|pubkey-[${HEX}]{32}`),
  prefix('mailgun-key', 'Mailgun', 'key-', `[${HEX}]{32}`, { tail: 'A-Za-z0-9' }),
  infix('mailchimp-api-key', 'Mailchimp', `[${HEX}]{32}`, 32, '-us', '[0-9]{1,2}', { tail: 'A-Za-z0-9' }),
  prefix('mandrill-api-key', 'Mailchimp', 'md-', '[A-Za-z0-9_-]{22}'),
  prefix('brevo-api-key', 'Brevo', ['xkeysib-', 'xsmtpsib-'], `[${HEX}]{64}-[A-Za-z0-9]{16}`),
  keyword('postmark-token', 'Postmark', 'postmark', UUID_SRC),
  keyword('sparkpost-key', 'SparkPost', 'sparkpost', `[${HEX}]{40}`),
  keyword('mailjet-key', 'Mailjet', 'mailjet', `[${HEX}]{32}`),
  prefix('resend-api-key', 'Resend', 're_', '[A-Za-z0-9]{8}_[A-Za-z0-9]{20,28}'),
  prefix('mailersend-token', 'MailerSend', 'mlsn.', `[${HEX}]{64}`),
  keyword('customerio-key', 'Customer.io', ['customerio', 'customer_io', 'customer.io'], `[${HEX}]{20,32}`),
  keyword('messagebird-key', 'MessageBird', ['messagebird', 'message_bird', 'message-bird'], `[a-zA-Z0-9]{25}|${UUID_SRC}`),
  keyword('vonage-secret', 'Vonage', ['vonage', 'nexmo'], '[A-Za-z0-9]{16}|[A-Za-z0-9]{8}'),
  keyword('plivo-token', 'Plivo', 'plivo', '[A-Za-z0-9]{40}|MA[A-Z0-9]{18}|SA[A-Z0-9]{18}'),
  prefix('telnyx-api-key', 'Telnyx', 'KEY0', '[A-Za-z0-9]{28}_[A-Za-z0-9]{22}', { keep: 0 }),
  keyword('sendbird-token', 'Sendbird', 'sendbird', `[${HEX}]{40}|${UUID_SRC}`),
  keyword('pusher-secret', 'Pusher', 'pusher', `[${HEX}]{20}`),
  keyword('ably-key', 'Ably', 'ably', '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{43}'),
  keyword('agora-certificate', 'Agora', 'agora', `[${HEX}]{32}`),
  keyword('onesignal-key', 'OneSignal', 'onesignal', '[A-Za-z0-9]{48}|os_v2_app_[a-z0-9]{100,120}'),
  keyword('intercom-token', 'Intercom', 'intercom', '[A-Za-z0-9=_-]{60}'),
  keyword('zendesk-token', 'Zendesk', 'zendesk', '[A-Za-z0-9]{40}'),
  keyword('freshdesk-key', 'Freshdesk', 'freshdesk', '[A-Za-z0-9]{20}'),
  keyword('front-token', 'Front', 'frontapp', '[A-Za-z0-9_.-]{100,400}'),
];
