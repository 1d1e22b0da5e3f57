import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import type { Message } from './areas/area';
import { messageForms, translate, word } from './index';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const keys = Object.keys(en) as (keyof typeof en)[];
/** The form every language has: a plain message, or a plural's "other". */
const otherForm = (m: Message) => (typeof m === 'string' ? m : m.forms.other);

describe('message catalogues', () => {
  it('give Korean for every English message, with the same placeholders', () => {
    for (const key of keys) {
      expect(ko[key], key).toBeTruthy();
      expect(placeholders(otherForm(ko[key])), key).toEqual(placeholders(otherForm(en[key])));
      // A plural's other forms may leave the count out ("the one with…"), never add a placeholder.
      for (const form of messageForms(en[key])) expect(placeholders(otherForm(en[key])), key).toEqual(expect.arrayContaining(placeholders(form)));
    }
  });

  it('write Hangul for Korean screens, not English left behind', () => {
    const untranslated = keys.filter((k) => messageForms(ko[k]).some((form) => /[a-z]{4,}/.test(form) && !/[가-힣]/.test(form)));
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'plans.takes', { count: 3 })).toBe('3 takes');
    expect(translate('ko', 'plans.takes', { count: 3 })).toBe('테이크 3회');
  });

  it('words every count by the language\'s plural rules, with its digit grouping', () => {
    expect(translate('en', 'plans.takes', { count: 1 })).toBe('1 take');
    expect(translate('en', 'plans.dayPlans', { count: 1 })).toBe('1 performance');
    expect(translate('en', 'plans.imported', { count: 1 })).toBe('Imported 1 plan');
    expect(translate('en', 'takes.count', { count: 1 })).toBe('1 take');
    expect(translate('en', 'takes.count', { count: 0 })).toBe('0 takes');
    expect(translate('en', 'takes.count', { count: 12_345 })).toBe('12,345 takes');
    expect(translate('en', 'summary.firstTakeOf', { successes: 0, performances: 1 })).toBe('0 of 1 performance');
    expect(translate('en', 'plans.importSummary', { bad: 1, rows: 3 })).toMatch(/^1 of 3 rows has a problem/);
    expect(translate('en', 'plans.importOnlyValid', { count: 1 })).toBe('Import only the 1 valid row');
    expect(translate('ko', 'takes.count', { count: 1 })).toBe('테이크 1개');
    expect(translate('ko', 'plans.dayPlans', { count: 1 })).toBe('공연 1개');
  });

  it('words a kept message in the language asked for, its parameters too', () => {
    const saved = { key: 'console.outcomeSaved', params: { number: 2, outcome: { key: 'outcome.succeeded' } } } as const;
    expect(word('en', saved)).toBe('Take 2 logged as Succeeded');
    expect(word('ko', saved)).toBe('테이크 2: 성공(으)로 기록됨');
    expect(word('ko', { key: 'takes.exported', params: { count: 1, file: 'a.csv' } })).toBe('테이크 1개를 a.csv 파일로 내보냈습니다');
  });
});
