import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { PHONE_COUNTRIES } from '../../src/core/redaction/phone-countries.js';
import { createRedactor } from '../../src/core/redaction/index.js';

describe('PHONE_COUNTRIES', () => {
  it('is the list of countries libphonenumber-js has numbering plans for', () => {
    expect([...PHONE_COUNTRIES].sort()).toEqual([...getCountries()].sort());
  });

  it.each(['US', 'gb', 'De', 'AC', 'ZW'])('accepts %s as a default phone country, as libphonenumber does', (code) => {
    expect(isSupportedCountry(code.toUpperCase())).toBe(true);
    expect(() => createRedactor({ target: 'github', defaultPhoneCountry: code })).not.toThrow();
  });

  it.each(['XX', 'UK', 'U', 'USA', ''])('refuses %s', (code) => {
    expect(() => createRedactor({ target: 'github', defaultPhoneCountry: code })).toThrow(/unsupported default phone country/);
  });
});
