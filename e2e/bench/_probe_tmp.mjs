import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const N = Number(process.argv[2] ?? 40);
async function mk(mode) {
  const ctx = await b.newContext(); const p = await ctx.newPage(); await p.setContent('<div id=x></div>');
  return p.evaluate(([mode, N]) => new Promise((res) => {
    const late = []; let n = 0; const off = 437;
    const fire = (next) => { late.push(performance.timeOrigin + performance.now() - next); if (++n < N) go(); else res(late); };
    const go = () => {
      const now = Date.now(); const next = Math.ceil((now + 100 - off) / 1000) * 1000 + off;
      if (mode === 'single') setTimeout(() => fire(next), next - now + 0.5);
      else if (mode === 'two') setTimeout(function near() { const d = next - Date.now(); if (d > 40) setTimeout(near, d - 30); else setTimeout(() => { if (Date.now() < next) setTimeout(() => fire(next), 0); else fire(next); }, d + 0.5); }, next - now - 30);
      else if (mode === 'raf') setTimeout(function poll() { if (Date.now() >= next) return fire(next); requestAnimationFrame(poll); }, next - now - 40);
    };
    go();
  }), [mode, N]);
}
const [a, c, r] = await Promise.all([mk('single'), mk('two'), mk('raf')]);
const q = (x) => { const s = [...x].sort((a, b) => a - b); return `p50 ${s[Math.floor(s.length / 2)].toFixed(1)} p90 ${s[Math.floor(s.length * 0.9)].toFixed(1)} max ${s.at(-1).toFixed(1)} min ${s[0].toFixed(1)}`; };
console.log('single', q(a)); console.log('two-stage', q(c)); console.log('raf', q(r));
await b.close();
