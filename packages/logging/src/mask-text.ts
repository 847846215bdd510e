import { isIPv6 } from 'node:net';
import { ID_KEYS } from './id-keys';

/** A JSON string literal, and the colon after it when it is a key. */
const jsonStringOrKey = /"((?:[^"\\]|\\.)*)"(\s*:)?/g;
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ipv4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/g;
const ipv6Candidate = /(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![0-9A-Za-z:])/g;
const cardCandidate = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const phone = /\+\d[\d ().-]{6,18}\d/g;

/** Luhn checksum: masks card numbers but not most other long digit runs (ids, offsets). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Masks emails, IP addresses, card numbers and international phone numbers in free text. */
export function maskText(text: string): string {
  return text
    .replace(email, '[email]')
    .replace(cardCandidate, (run) => (passesLuhn(run.replace(/\D/g, '')) ? '[card]' : run))
    .replace(ipv4, '[ip]')
    .replace(ipv6Candidate, (run) => (run.length > 2 && isIPv6(run) ? '[ip]' : run))
    .replace(phone, '[phone]');
}

/**
 * Applies {@link maskText} inside the string literals of one serialized JSON log line only,
 * so numbers such as `time` are never touched and the line stays valid JSON (replacements
 * contain no quotes or backslashes). The string value of a known id key ({@link ID_KEYS})
 * passes untouched: masking by shape is for free text, ids are masked by meaning (never).
 */
export function maskJsonLine(line: string): string {
  let idValueNext = false;
  return line.replace(jsonStringOrKey, (literal: string, inner: string, colon?: string) => {
    if (colon !== undefined) {
      idValueNext = ID_KEYS.has(inner);
      return maskText(literal);
    }
    const isId = idValueNext;
    idValueNext = false;
    return isId ? literal : maskText(literal);
  });
}
