import { describe, expect, it } from 'vitest';
import { decodeReport, hasControls, neutralizeControls } from '../../src/core/text-safety.js';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
const CSI8 = String.fromCharCode(0x9b);

describe('neutralizeControls: every family of terminal control is made visible and inert', () => {
  it.each([
    ['clear screen (CSI)', `a${ESC}[2Jb`],
    ['cursor up and erase line', `ok${ESC}[1A${ESC}[2Kfake`],
    ['colour', `${ESC}[31mred${ESC}[0m`],
    ['window title (OSC, BEL)', `${ESC}]0;pwned${BEL}text`],
    ['window title (OSC, ST)', `${ESC}]2;pwned${ESC}\\text`],
    ['hyperlink (OSC 8)', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`],
    ['8-bit CSI (C1)', `a${CSI8}2Jb`],
    ['DCS', `${ESC}Pq#0;2;0;0;0${ESC}\\`],
    ['lone carriage return that overwrites the line', 'Total: 100\rTotal: 999'],
    ['backspaces that erase what was shown', 'rm -rf /tmp/x\b\b\b\b\b\b\bsafe'],
    ['NUL and other C0', `a${String.fromCharCode(0)}b${String.fromCharCode(0x0c)}c`],
    ['DEL', `a${String.fromCharCode(0x7f)}b`],
    ['bidi override (Trojan Source)', `access = "user\u202e \u2066// admin\u2069\u2066"`],
    ['line separator', 'one\u2028two'],
  ])('%s', (_name, hostile) => {
    expect(hasControls(hostile)).toBe(true);
    const safe = neutralizeControls(hostile);
    expect(hasControls(safe)).toBe(false);
    expect(safe).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(neutralizeControls(safe)).toBe(safe);
  });

  it('keeps newlines, tabs, CRLF line ends (as newlines), emoji and other scripts', () => {
    expect(neutralizeControls('a\tb\r\nc\nd')).toBe('a\tb\nc\nd');
    expect(neutralizeControls('Grüße, 東京 🚀 مرحبا')).toBe('Grüße, 東京 🚀 مرحبا');
    expect(hasControls('plain text\nwith lines\tand tabs')).toBe(false);
  });

  it('shows an escape as ␛', () => {
    expect(neutralizeControls(`${ESC}[2J`)).toBe('␛[2J');
  });
});

describe('decodeReport', () => {
  const enc = new TextEncoder();
  it.each([
    ['UTF-8', enc.encode('Grüße 🚀'), 'Grüße 🚀'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('hello')]), 'hello'],
    ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]), 'hi'],
    ['UTF-16BE with a BOM', new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]), 'hi'],
  ])('decodes %s', (_name, bytes, text) => {
    expect(decodeReport(bytes)).toEqual({ ok: true, text });
  });

  it.each([
    ['a PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    ['Latin-1 text', new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65])],
    ['a gzip stream', new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00])],
    ['UTF-16 without a BOM', new Uint8Array([0x68, 0x00, 0x69, 0x00])],
    ['a truncated UTF-8 sequence', new Uint8Array([0x61, 0xe2, 0x82])],
  ])('refuses %s', (_name, bytes) => {
    expect(decodeReport(bytes).ok).toBe(false);
  });
});
