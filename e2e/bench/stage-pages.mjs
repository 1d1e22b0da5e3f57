// Code the stage benchmark runs inside the pages: each function is serialised by Playwright,
// so it must not close over anything.

// ---- code that runs in the pages -------------------------------------------------------------

/**
 * Init script (both pages, before any page script): records every change of the [role=timer]
 * text as [performance.now(), Date.now(), text]; counts React commits through a stub DevTools
 * hook; copies the clock-sync pongs the client receives, to replay its offset estimate.
 */
export function installRecorder() {
  const rec = { flips: [], commits: [], pongs: [] };
  window.__stageBench = rec;
  let shown = null;
  new MutationObserver(() => {
    const mono = performance.now();
    const wall = Date.now();
    const text = document.querySelector('[role=timer]')?.textContent ?? null;
    if (text === null || text === shown) return;
    shown = text;
    rec.flips.push([mono, wall, text]);
  }).observe(document, { subtree: true, childList: true, characterData: true });

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() {
      return 1;
    },
    onCommitFiberRoot() {
      rec.commits.push(performance.now());
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };

  const Native = window.WebSocket;
  if (Native) {
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (message) => {
          try {
            const data = JSON.parse(String(message.data));
            if (data.type === 'pong') rec.pongs.push([data.t0, data.hostNow, performance.timeOrigin + performance.now()]); // the client's own clock
          } catch {
            // not ours to judge
          }
        });
      }
    };
  }
}

/** The naive peer: shows `first` at epoch `startAt`, then one second less every setInterval(1000). */
export function startNaive({ startAt, first }) {
  const format = (t) => {
    const h = Math.floor(t / 3600);
    const m = Math.floor((t % 3600) / 60);
    const ss = String(t % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  };
  const el = document.querySelector('[role=timer]');
  let s = first;
  setTimeout(() => {
    el.textContent = format(s);
    setInterval(() => {
      s--;
      el.textContent = format(s);
    }, 1000);
  }, startAt - Date.now());
}

/**
 * Wall clock minus (timeOrigin + performance.now()), in ms. Date.now() is the wall clock floored
 * to the ms, so Date.now() - mono never exceeds the true offset and reaches it just after Date.now()
 * ticks: the maximum over a short spin (≥ 3 ticks) is the offset, to performance.now()'s 0.1 ms.
 */
export function calibrate() {
  let best = -Infinity;
  let ticks = 0;
  let last = Date.now();
  const give_up = performance.now() + 50;
  while (ticks < 3 && performance.now() < give_up) {
    const wall = Date.now();
    const mono = performance.timeOrigin + performance.now();
    if (wall - mono > best) best = wall - mono;
    if (wall !== last) {
      ticks++;
      last = wall;
    }
  }
  return { mono: performance.now(), correction: best, timeOrigin: performance.timeOrigin };
}

export function busySlices(ms) {
  window.__benchBusy = setInterval(() => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // spin: a long task on this page's main thread
    }
  }, 50);
}
