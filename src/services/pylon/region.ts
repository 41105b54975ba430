/**
 * Pylon hosts tenants in two regions with the same API. A token only works in its own region (the other one
 * answers 401 `wrong_region_token`), so the base URL is chosen, in order, by PYLON_API_URL, by the token's
 * prefix (Pylon's docs: `pylon_api_eu_` is EU, `pylon_api_` is US; tokens made before prefixes have none),
 * then by `pylon.region` in the config.
 */

import { checkEndpointUrl } from '../credentials.js';

export type PylonRegion = 'us' | 'eu';

export const PYLON_REGION_URLS: Readonly<Record<PylonRegion, string>> = {
  us: 'https://api.usepylon.com',
  eu: 'https://api.eu.usepylon.com',
};

export function regionOfToken(token: string): PylonRegion | undefined {
  if (token.startsWith('pylon_api_eu_')) return 'eu';
  if (token.startsWith('pylon_api_')) return 'us';
  return undefined;
}

export interface PylonEndpoint {
  baseUrl: string;
  /** What decided it, for `--debug` and `triage doctor`. */
  source: 'PYLON_API_URL' | 'token prefix' | 'config' | 'default';
}

export function pylonEndpoint(input: { override?: string | undefined; token: string; region?: PylonRegion | undefined }): PylonEndpoint {
  const override = input.override?.trim();
  if (override) {
    checkEndpointUrl('PYLON_API_URL', override, PYLON_REGION_URLS.us);
    return { baseUrl: override.replace(/\/+$/, ''), source: 'PYLON_API_URL' };
  }
  const fromToken = regionOfToken(input.token);
  if (fromToken) return { baseUrl: PYLON_REGION_URLS[fromToken], source: 'token prefix' };
  if (input.region) return { baseUrl: PYLON_REGION_URLS[input.region], source: 'config' };
  return { baseUrl: PYLON_REGION_URLS.us, source: 'default' };
}
