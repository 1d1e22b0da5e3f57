import { describe, expect, it } from 'vitest';
import { clipName, oscArgument, render, renderJson, SAMPLE_FIELDS, type TakeFields } from './fields';

const take: TakeFields = { ...SAMPLE_FIELDS, artist: 'AKMU', song: 'Love "Lee"', take: 3, plan: 7 };

describe('templates', () => {
  it('fill a JSON body so it stays JSON: quoted text escaped, bare fields as values', () => {
    const body = renderJson('{"artist": "{artist}", "title": "{song} (take {take})", "take": {take}, "rehearsal": {rehearsal}}', take);
    expect(JSON.parse(body)).toEqual({ artist: 'AKMU', title: 'Love "Lee" (take 3)', take: 3, rehearsal: false });
  });

  it('write a rehearsal take as "R", and a bare one as JSON text', () => {
    const rehearsal = { ...take, take: null, rehearsal: true };
    expect(render('T{take}', rehearsal)).toBe('TR');
    expect(JSON.parse(renderJson('{"take": {take}}', rehearsal))).toEqual({ take: 'R' });
  });

  it('escape values for where they land (a URL)', () => {
    expect(render('http://gfx/cue?song={song}', take, encodeURIComponent)).toBe('http://gfx/cue?song=Love%20%22Lee%22');
  });

  it('send numbers as numbers over OSC', () => {
    expect([oscArgument('3'), oscArgument('0.5'), oscArgument('AKMU'), oscArgument('')]).toEqual([3, 0.5, 'AKMU', '']);
  });
});

describe('clip names', () => {
  it('are built from the take like MAMAMOO_HIP_T1', () => {
    expect(clipName('{artist}_{song}_T{take}', { ...SAMPLE_FIELDS })).toBe('MAMAMOO_HIP_T1');
  });

  it('keep Hangul, drop what a file name cannot hold, and stay short', () => {
    expect(clipName('{artist}_{song}_T{take}', { ...take, artist: '아이유', song: '밤편지 / Through the Night' })).toBe('아이유_밤편지_THROUGH_THE_NIGHT_T3');
    expect(clipName('{artist}', { ...take, artist: 'x'.repeat(100) })).toHaveLength(64);
    expect(clipName('{artist}', { ...take, artist: '!!!' })).toBe('CUELIGHT');
  });
});
