import type { Db } from './db/open';
import type { Role } from '../../shared/schemas';
import { insertPerson } from './repos/people';
import { insertVenue } from './repos/venues';
import { insertPlan } from './repos/plans';

const PEOPLE: { key: string; name: string; nameAlt: string; roles: Role[] }[] = [
  { key: 'akmu', name: 'AKMU', nameAlt: '악뮤', roles: ['artist'] },
  { key: 'sumi', name: 'Sumi Jo', nameAlt: '조수미', roles: ['artist'] },
  { key: 'yim', name: 'Yim Jae-beum', nameAlt: '임재범', roles: ['artist'] },
  { key: 'you', name: 'You Hee-yul', nameAlt: '유희열', roles: ['artist', 'guest'] },
  { key: 'mamamoo', name: 'MAMAMOO', nameAlt: '마마무', roles: ['artist'] },
  { key: 'lena', name: 'Lena Park', nameAlt: '박정현', roles: ['artist'] },
  { key: 'minji', name: 'Kim Min-ji', nameAlt: '김민지', roles: ['dancer'] },
  { key: 'seojun', name: 'Lee Seo-jun', nameAlt: '이서준', roles: ['dancer'] },
  { key: 'jiwoo', name: 'Park Ji-woo', nameAlt: '박지우', roles: ['dancer'] },
  { key: 'yuna', name: 'Choi Yu-na', nameAlt: '최유나', roles: ['dancer'] },
  { key: 'sora', name: 'Han So-ra', nameAlt: '한소라', roles: ['guest'] },
  { key: 'choir', name: 'Hanbit Youth Choir', nameAlt: '한빛 청소년 합창단', roles: ['guest'] },
];

const VENUES = [
  { key: 'kbs', name: 'KBS Hall', nameAlt: 'KBS홀', address: '13 Yeouigongwon-ro, Yeongdeungpo-gu, Seoul · 서울 영등포구 여의공원로 13', area: 'Yeouido · 여의도', notes: 'Load-in through the rear dock; house lights on the stage manager’s cue.' },
  { key: 'nmk', name: 'National Museum of Korea', nameAlt: '국립중앙박물관', address: '137 Seobinggo-ro, Yongsan-gu, Seoul · 서울 용산구 서빙고로 137', area: 'Yongsan · 용산', notes: 'Shoot after closing; curfew 23:00. No haze near the exhibits.' },
  { key: 'folk', name: 'National Folk Museum of Korea', nameAlt: '국립민속박물관', address: '37 Samcheong-ro, Jongno-gu, Seoul · 서울 종로구 삼청로 37', area: 'Gyeongbokgung · 경복궁', notes: 'Outdoor courtyard: check the weather the day before.' },
  { key: 'palace', name: 'National Palace Museum of Korea', nameAlt: '국립고궁박물관', address: '12 Hyoja-ro, Jongno-gu, Seoul · 서울 종로구 효자로 12', area: 'Gyeongbokgung · 경복궁', notes: 'Quiet hours until 18:00.' },
  { key: 'mmca', name: 'National Museum of Modern and Contemporary Art', nameAlt: '국립현대미술관 서울관', address: '30 Samcheong-ro, Jongno-gu, Seoul · 서울 종로구 삼청로 30', area: 'Samcheong-dong · 삼청동', notes: 'Atrium echo is long: sound check with the full band.' },
];

/** Listed in run order: each day's call times read in order (the first three are day one). */
const PLANS = [
  { artist: 'akmu', song: 'Love Lee', venue: 'mmca', time: '18:00', countdown: 90_000, dancers: ['minji', 'seojun'], guests: [] },
  { artist: 'sumi', song: 'Ave Maria', venue: 'nmk', time: '19:30', countdown: 120_000, dancers: [], guests: ['choir'] },
  { artist: 'yim', song: 'For You (너를 위해)', venue: 'kbs', time: '21:00', countdown: 60_000, dancers: [], guests: ['sora'] },
  { artist: 'you', song: 'Reminiscence (회상)', venue: 'palace', time: '16:00', countdown: 60_000, dancers: [], guests: ['sora'] },
  { artist: 'mamamoo', song: 'Starry Night (별이 빛나는 밤)', venue: 'folk', time: '20:30', countdown: 90_000, dancers: ['jiwoo', 'yuna', 'minji', 'seojun'], guests: [] },
  { artist: 'lena', song: 'Dreaming (꿈에)', venue: 'kbs', time: '21:30', countdown: 60_000, dancers: [], guests: ['you'] },
];

/** A shoot like the show's, for a first run: six performances over two days at Seoul venues. */
export function loadDemo(db: Db, now: number): void {
  db.transaction(() => {
    const people = new Map(PEOPLE.map((p) => [p.key, insertPerson(db, p, now).id]));
    const venues = new Map(VENUES.map((v) => [v.key, insertVenue(db, v, now).id]));
    const day1 = new Date(now).toISOString().slice(0, 10);
    const day2 = new Date(now + 86_400_000).toISOString().slice(0, 10);
    PLANS.forEach((p, i) => {
      insertPlan(
        db,
        {
          artistId: people.get(p.artist)!,
          song: p.song,
          songLengthMs: 240_000,
          venueId: venues.get(p.venue)!,
          shootDate: i < 3 ? day1 : day2,
          callTime: p.time,
          countdownMs: p.countdown,
          warningMs: 60_000,
          dangerMs: 10_000,
          notes: '',
          status: 'ready',
          dancerIds: p.dancers.map((d) => people.get(d)!),
          guestIds: p.guests.map((g) => people.get(g)!),
        },
        now,
      );
    });
  }).immediate();
}
