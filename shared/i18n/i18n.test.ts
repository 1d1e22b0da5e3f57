import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { translate } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('give Korean for every English message, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key], key).toBeTruthy();
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('write Hangul for Korean screens, not English left behind', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter((k) => /[a-z]{4,}/.test(ko[k]) && !/[가-힣]/.test(ko[k]));
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'plans.takes', { count: 3 })).toBe('3 takes');
    expect(translate('ko', 'plans.takes', { count: 3 })).toBe('테이크 3회');
  });
});
