// A small history router: the address bar is the state of navigation (bot, page, filters), so
// every view can be reloaded, bookmarked and shared. Same-origin <a href> clicks are handled
// here; modified clicks (new tab) are left to the browser.
import { useEffect, useState } from './html.js';

const listeners = new Set();

function current() {
  return {
    path: location.pathname.replace(/\/+$/, '') || '/',
    query: new URLSearchParams(location.search),
    href: location.pathname + location.search,
  };
}

function notify() {
  for (const listener of listeners) listener(current());
}

export function navigate(to, { replace = false } = {}) {
  if (to === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  notify();
}

/** Changes query parameters of the current address (empty values are removed). */
export function setQuery(params, { replace = true } = {}) {
  const search = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) search.delete(key);
    else search.set(key, String(value));
  }
  const text = search.toString();
  navigate(location.pathname + (text ? '?' + text : ''), { replace });
}

export function useLocation() {
  const [location_, setLocation] = useState(current);
  useEffect(() => {
    const update = (next) => setLocation(next ?? current());
    const onPop = () => update(current());
    listeners.add(update);
    addEventListener('popstate', onPop);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', onPop);
    };
  }, []);
  return location_;
}

/** Matches "screens/:screenId" against "screens/12" → { screenId: "12" }, or null. */
export function matchPath(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function interceptLinks() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || link.target || link.hasAttribute('download') || link.dataset.external !== undefined) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
