import { area } from './area';

/** Stage messages: English first, then Korean with exactly the same keys. */
export const stageMessages = area(
  {
    'stage.countdown': 'Countdown',
    'stage.elapsed': 'Take time',
    'stage.go': 'GO',
    'stage.waiting': 'Waiting for the operator',
    'stage.fullscreen': 'Full screen',
    'stage.options': 'Display options',
    'stage.beeps': 'Beeps in the last five seconds and at GO',
    'stage.showTimeOfDay': 'Show time of day',
    'stage.timecode': 'Take time and time of day as timecode',
    'stage.frameRate': 'Frame rate',
  },
  {
    'stage.countdown': '카운트다운',
    'stage.elapsed': '테이크 시간',
    'stage.go': '시작',
    'stage.waiting': '운영자를 기다리는 중',
    'stage.fullscreen': '전체 화면',
    'stage.options': '화면 설정',
    'stage.beeps': '마지막 5초와 시작 시 신호음',
    'stage.showTimeOfDay': '현재 시각 표시',
    'stage.timecode': '테이크 시간과 현재 시각을 타임코드로',
    'stage.frameRate': '프레임 레이트',
  },
);
