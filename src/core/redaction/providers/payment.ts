import { ALNUM, HEX, infix, keyword, prefix, type Family } from './family.js';

/** Payments, commerce and finance. */
export const PAYMENT: readonly Family[] = [
  // Stripe secret and restricted keys and webhook secrets; publishable keys (pk_) are public by design.
  prefix('stripe-secret-key', 'Stripe', ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_'], `[${ALNUM}]{10,247}`, { kind: 'stripe_key' }),
  prefix('stripe-webhook-secret', 'Stripe', 'whsec_', '[A-Za-z0-9+/=]{24,128}', { kind: 'stripe_webhook_secret' }),
  // Square, PayPal/Braintree, Adyen
  prefix('square-access-token', 'Square', ['sq0atp-', 'sq0csp-', 'sq0idp-'], '[A-Za-z0-9_-]{22,60}'),
  prefix('square-token', 'Square', 'EAAA', '[A-Za-z0-9_-]{60}', { keep: 0 }),
  prefix('braintree-access-token', 'PayPal Braintree', ['access_token$production$', 'access_token$sandbox$'], `[0-9a-z]{16}\\$[${HEX}]{32}`),
  keyword('braintree-private-key', 'PayPal Braintree', ['braintree'], `[${HEX}]{32}`),
  keyword('paypal-client-secret', 'PayPal', 'paypal', '[A-Za-z0-9_-]{80}'),
  prefix('adyen-api-key', 'Adyen', 'AQE', '[A-Za-z0-9+/=_.-]{60,400}', { keep: 0, tail: 'A-Za-z0-9+/=_.-' }),
  keyword('adyen-hmac-key', 'Adyen', 'adyen', `[${HEX}A-F]{64}`),
  // Shopify
  prefix('shopify-token', 'Shopify', ['shpat_', 'shpca_', 'shppa_', 'shpss_', 'shpua_'], `[${ALNUM}]{32,64}`, { kind: 'shopify_token' }),
  // Others
  prefix('razorpay-key-id', 'Razorpay', ['rzp_live_', 'rzp_test_'], `[${ALNUM}]{14}`),
  keyword('razorpay-secret', 'Razorpay', 'razorpay', `[${ALNUM}]{24}`),
  prefix('flutterwave-key', 'Flutterwave', ['FLWSECK_TEST-', 'FLWSECK-', 'FLWPUBK_TEST-', 'FLWPUBK-'], `[${HEX}]{12,32}(?:-X)?`),
  
  prefix('checkout-secret-key', 'Checkout.com', 'sk_sbox_', '[a-z0-9]{26,40}'),
  prefix('mollie-key', 'Mollie', ['live_', 'test_'], `[${ALNUM}]{30}`, { tail: 'A-Za-z0-9_' }),
  prefix('paddle-key', 'Paddle', ['pdl_live_apikey_', 'pdl_sdbx_apikey_'], '[A-Za-z0-9_]{40,80}'),
  prefix('gocardless-token', 'GoCardless', ['live_', 'sandbox_'], '[A-Za-z0-9_=-]{40}', { tail: 'A-Za-z0-9_=-' }),
  prefix('plaid-access-token', 'Plaid', ['access-sandbox-', 'access-development-', 'access-production-'], '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
  keyword('plaid-secret', 'Plaid', 'plaid', '[a-z0-9]{30}|[a-z0-9]{24}'),
  prefix('coinbase-key', 'Coinbase', 'organizations/', `[0-9a-f-]{36}/apiKeys/[0-9a-f-]{36}`, { keep: 14 }),
  keyword('coinbase-secret', 'Coinbase', 'coinbase', '[A-Za-z0-9_-]{64}'),
  keyword('kraken-secret', 'Kraken', 'kraken', '[A-Za-z0-9/=_+-]{80,90}'),
  keyword('kucoin-secret', 'KuCoin', 'kucoin', `[${HEX}]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
  keyword('bittrex-key', 'Bittrex', 'bittrex', '[a-z0-9]{32}'),
  keyword('binance-secret', 'Binance', 'binance', '[A-Za-z0-9]{64}'),
  prefix('easypost-key', 'EasyPost', ['EZAK', 'EZTK'], `[${ALNUM}]{54}`, { keep: 4 }),
  prefix('shippo-token', 'Shippo', ['shippo_live_', 'shippo_test_'], `[${HEX}A-F]{40}`),
  prefix('duffel-token', 'Duffel', ['duffel_live_', 'duffel_test_'], '[A-Za-z0-9_=-]{43}'),
  keyword('lob-key', 'Lob', 'lob', `(?:live|test)_(?:pub_)?[${HEX}]{31,35}`),
  keyword('finicity-secret', 'Finicity', 'finicity', `[${HEX}]{32}|[a-z0-9]{20}`),
  keyword('finnhub-token', 'Finnhub', 'finnhub', '[a-z0-9]{20}'),
  prefix('woocommerce-key', 'WooCommerce', ['ck_', 'cs_'], `[${HEX}]{40}`),
  keyword('lemonsqueezy-key', 'Lemon Squeezy', ['lemonsqueezy', 'lemon_squeezy'], 'eyJ[A-Za-z0-9_.-]{100,2000}'),
  infix('salesforce-access-token', 'Salesforce', '00D[A-Za-z0-9]{12,15}', 18, '!', '[A-Za-z0-9._]{80,120}'),
];
