import { describe, it, expect } from 'vitest';
import { describeRefusal, refusalText } from '../../shared/i18n/refusal';
import { refusal, notFound } from './errors';
import { apply, initialCountdown, CountdownRuleError } from '../../shared/countdown';

describe('refusals in both languages', () => {
  it('words the host English message from the catalogue, and a screen the same reason in Korean', () => {
    const error = refusal('conflict', 'err.planArmed', { field: 'id' });
    expect(error.message).toBe('This plan is armed in the console; reset the countdown there first, then delete it');
    const envelope = { code: error.code, message: error.message, key: error.key, params: error.params };
    expect(describeRefusal('en', envelope)).toBe(error.message);
    expect(describeRefusal('ko', envelope)).toBe('이 기획은 콘솔에 준비되어 있습니다. 먼저 콘솔에서 카운트다운을 초기화한 뒤 삭제하세요');
  });

  it('names the missing thing in each language, and keeps an input error’s field in English only', () => {
    const missing = notFound('plan', 42, 'id');
    expect(missing.message).toBe('Plan 42 does not exist (it may have been removed); pick another');
    expect(refusalText('ko', missing.key!, missing.params)).toBe('기획 42이(가) 없습니다(삭제되었을 수 있습니다). 다른 것을 고르세요');
    const late = refusal('invalid_input', 'err.markAfterEnd', { params: { length: '4:05' }, field: 'atMs', prefixField: true });
    expect(late.message).toBe('atMs: This take lasted 4:05; place the mark between 0:00 and 4:05');
    expect(refusalText('ko', late.key!, late.params)).toBe('이 테이크는 4:05 동안 진행되었습니다. 마크는 0:00과 4:05 사이에 두세요');
  });

  it('shows the host message as it is when it has no key (an older host, an unexpected failure)', () => {
    expect(describeRefusal('ko', { code: 'internal', message: 'listPlans failed: disk I/O error' })).toBe('listPlans failed: disk I/O error');
    expect(describeRefusal('ko', { code: 'conflict', message: 'x', key: 'err.nothing' })).toBe('x');
  });

  it('words a countdown rule the same way: English from the engine, Korean on the screen', () => {
    let caught: unknown;
    try {
      apply(initialCountdown, { type: 'end' }, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CountdownRuleError);
    const rule = caught as CountdownRuleError;
    expect(rule.message).toBe('No take is running');
    expect(refusalText('ko', rule.key)).toBe('진행 중인 테이크가 없습니다');
  });
});
