import { useSyncExternalStore } from 'react';

export type Route = 'plans' | 'console' | 'network' | 'stage' | 'takes' | 'settings';
const ROUTES: Route[] = ['plans', 'console', 'network', 'stage', 'takes', 'settings'];

/** Screens live in the hash (#/console) so file:// works in Electron; /stage also works as a path for browsers. */
export function currentRoute(): Route {
  const fromHash = window.location.hash.replace(/^#\/?/, '');
  if ((ROUTES as string[]).includes(fromHash)) return fromHash as Route;
  const fromPath = window.location.pathname.replace(/^\//, '').replace(/\/$/, '');
  if ((ROUTES as string[]).includes(fromPath)) return fromPath as Route;
  return 'plans';
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  window.addEventListener('popstate', fn);
  return () => {
    window.removeEventListener('hashchange', fn);
    window.removeEventListener('popstate', fn);
  };
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}
