// The shell: session (GET /api/me), the workspace's bots (GET /api/bots), the platforms
// (GET /api/platforms, once), the top bar with the bot picker, the sidebar built from
// pages/index.js, and the page the address names.
import { html, useCallback, useEffect, useMemo, useState } from './lib/html.js';
import { api, onUnauthorized } from './lib/api.js';
import { matchPath, navigate, useLocation } from './lib/router.js';
import { useForm } from './lib/form.js';
import { browserTimeZone, timeZones } from './lib/format.js';
import { AppContext, useApp } from './context.js';
import { accountPlatformNames, loadPlatforms } from './platforms.js';
import { Button, EmptyState, ErrorNotice, FormErrors, Input, Loading, Modal, RadioGroup, useFocusTitle } from './ui/components.js';
import { Icon } from './ui/icons.js';
import { DEFAULT_PAGE, PAGES, SECTIONS } from './pages/index.js';
import { LoginPage, SignupPage } from './pages/login.js';
import { SettingsPage } from './pages/settings.js';

const LAST_BOT = 'botcast.lastBot';

function Redirect({ to }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function findPage(rest) {
  for (const page of PAGES) {
    const params = matchPath(page.path, rest);
    if (params) return { page, params };
  }
  return null;
}

export function App() {
  const location = useLocation();
  const [session, setSession] = useState({ state: 'loading' });
  const [toasts, setToasts] = useState([]);
  const [confirmation, setConfirmation] = useState(null);

  const loadSession = useCallback(async () => {
    try {
      const [me, bots] = await Promise.all([api.get('/api/me'), api.get('/api/bots'), loadPlatforms()]);
      setSession({ state: 'in', me, bots });
    } catch (error) {
      setSession(error.status === 401 ? { state: 'out' } : { state: 'error', error });
    }
  }, []);

  useEffect(() => {
    onUnauthorized(() => setSession((s) => (s.state === 'in' ? { state: 'out', expired: true } : s)));
    loadSession();
  }, [loadSession]);

  const toast = useCallback((message, tone = 'good') => {
    const id = Math.random();
    setToasts((list) => [...list.slice(-2), { id, message, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 4000);
  }, []);

  const context = useMemo(() => {
    if (session.state !== 'in') return null;
    return {
      me: session.me,
      bots: session.bots,
      async reloadBots() {
        const bots = await api.get('/api/bots');
        setSession((s) => ({ ...s, bots }));
        return bots;
      },
      toast,
      confirm: (options) => new Promise((resolve) => setConfirmation({ ...options, resolve })),
      async logout() {
        try {
          await api.post('/api/auth/logout');
        } finally {
          setSession({ state: 'out' });
          navigate('/login');
        }
      },
    };
  }, [session, toast]);

  const feedback = html` <div class="toasts" role="status" aria-live="polite">
      ${toasts.map((t) => html`<div key=${t.id} class=${`toast toast-${t.tone}`}>${t.message}</div>`)}
    </div>
    ${
      confirmation &&
      html`<${ConfirmDialog}
        ...${confirmation}
        onDone=${(ok) => {
          confirmation.resolve(ok);
          setConfirmation(null);
        }}
      />`
    }`;

  if (session.state === 'loading') return html`<div class="center-screen"><${Loading} /></div>`;
  if (session.state === 'error') {
    return html`<div class="center-screen">
      <div class="auth-card"><${ErrorNotice} error=${session.error} onRetry=${loadSession} /></div>
    </div>`;
  }

  const path = location.path;
  if (session.state === 'out') {
    if (path === '/signup') return html`<${SignupPage} onDone=${loadSession} />`;
    if (path !== '/login') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(location.href)}`;
      return html`<${Redirect} to=${`/login${next}`} />`;
    }
    return html`<${LoginPage} expired=${session.expired} onLoggedIn=${loadSession} />`;
  }

  const bots = session.bots;
  let content;
  let bot = null;
  let current = null;
  if (path === '/login' || path === '/signup') {
    // Just logged in: back to where the session ended (only a path of this panel).
    const next = location.query.get('next');
    content = html`<${Redirect} to=${next && /^\/(?![/\\])/.test(next) ? next : '/'} />`;
  } else if (path === '/settings') {
    // The workspace's settings belong to no bot.
    content = html`<${SettingsPage} />`;
  } else if (path === '/') {
    const last = Number(localStorage.getItem(LAST_BOT));
    const target = bots.find((b) => b.id === last) ?? bots[0];
    content = target ? html`<${Redirect} to=${`/bots/${target.id}/${DEFAULT_PAGE}`} />` : html`<${Welcome} />`;
  } else {
    const match = /^\/bots\/(\d+)(?:\/(.*))?$/.exec(path);
    bot = match ? (bots.find((b) => b.id === Number(match[1])) ?? null) : null;
    if (!match) content = html`<${NotFound} />`;
    else if (!bot) content = html`<${NotFound} what="bot" />`;
    else if (!match[2]) content = html`<${Redirect} to=${`/bots/${bot.id}/${DEFAULT_PAGE}`} />`;
    else {
      current = findPage(match[2]);
      content = current
        ? html`<${current.page.component}
            key=${`${bot.id}:${current.page.path}`}
            bot=${bot}
            params=${current.params}
            query=${location.query}
          />`
        : html`<${NotFound} />`;
    }
  }

  return html`<${AppContext.Provider} value=${context}>
    <${Shell} bot=${bot} page=${current?.page} rest=${current ? path.replace(/^\/bots\/\d+\/?/, '') : ''}>${content}</${Shell}>
    ${feedback}
  </${AppContext.Provider}>`;
}

/**
 * A question before an action. With `choices` ([{ value, label, hint }], the first chosen at
 * first) it resolves with the chosen value instead of true; Cancel always resolves false.
 */
function ConfirmDialog({ title, message, confirmLabel = 'OK', danger, choices, choiceLegend, onDone }) {
  const [choice, setChoice] = useState(choices?.[0]?.value);
  return html`<${Modal} title=${title} onClose=${() => onDone(false)} size="sm"
    footer=${html`<${Button} onClick=${() => onDone(false)}>Cancel</${Button}>
      <${Button} variant=${danger ? 'danger' : 'primary'} onClick=${() => onDone(choices ? choice : true)} autofocus>${confirmLabel}</${Button}>`}>
    ${message && html`<p>${message}</p>`}
    ${choices && html`<${RadioGroup} legend=${choiceLegend ?? 'Choose'} name="confirm-choice" value=${choice} options=${choices} onChange=${setChoice} />`}
  </${Modal}>`;
}

function Shell({ bot, page, rest, children }) {
  const { me, bots, logout } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const [newBot, setNewBot] = useState(false);
  const location = useLocation();

  useEffect(() => {
    if (bot) localStorage.setItem(LAST_BOT, String(bot.id));
    document.title = [page?.title, bot?.name, 'Botcast'].filter(Boolean).join(' · ');
  }, [bot, page]);
  useEffect(() => setMenuOpen(false), [location.href]);

  const pickBot = (e) => {
    const id = Number(e.currentTarget.value);
    const top = page?.section ? page.path : PAGES.find((p) => p.section && rest.startsWith(p.path + '/'))?.path;
    navigate(`/bots/${id}/${top ?? DEFAULT_PAGE}`);
  };

  return html`<div class=${`shell ${menuOpen ? 'menu-open' : ''}`}>
    <a class="skip-link" href="#main" data-external onClick=${(e) => {
      e.preventDefault();
      document.querySelector('.page-title, main')?.focus();
    }}>Skip to content</a>
    <header class="topbar">
      <button type="button" class="btn btn-icon menu-toggle" aria-label="Menu" aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls="sidebar"
        onClick=${() => setMenuOpen(!menuOpen)}><${Icon} name="menu" /></button>
      <a href="/" class="brand"><img src="/assets/icon.svg" alt="" width="26" height="26" /><span>Botcast</span></a>
      <span class="workspace" title="Workspace">${me.workspace.name}</span>
      <div class="bot-picker">
        ${
          bots.length > 0 &&
          html` <label for="bot-picker">Bot</label>
            <select id="bot-picker" value=${bot ? String(bot.id) : ''} onChange=${pickBot}>
              ${!bot && html`<option value="" disabled>Choose a bot</option>`}
              ${bots.map((b) => html`<option value=${String(b.id)}>${b.name}</option>`)}
            </select>
            ${bot && html`<span class="tz" title="The bot's time zone: every date is shown in it">${bot.timeZone}</span>`}`
        }
        <${Button} icon="plus" size="sm" aria-label="New bot" onClick=${() => setNewBot(true)}>New bot</${Button}>
      </div>
      <div class="topbar-end">
        <a href="/settings" class="topbar-link">Settings</a>
        <a href="/api/docs" target="_blank" rel="noopener" class="topbar-link">API docs</a>
        <${Button} variant="ghost" size="sm" icon="logout" aria-label="Log out" onClick=${logout}>Log out</${Button}>
      </div>
    </header>
    <nav id="sidebar" class="sidebar" aria-label="Main">
      ${
        bot
          ? SECTIONS.map(
              (section) =>
                html`<div class="nav-section">
                  <h2>${section}</h2>
                  <ul>
                    ${PAGES.filter((p) => p.section === section).map((p) => {
                      const active = rest === p.path || rest.startsWith(p.path + '/');
                      return html`<li>
                        <a href=${`/bots/${bot.id}/${p.path}`} class=${active ? 'active' : ''} aria-current=${active ? 'page' : undefined}>
                          <${Icon} name=${p.icon} /><span>${p.title}</span>${p.soon && html`<span class="soon">soon</span>`}
                        </a>
                      </li>`;
                    })}
                  </ul>
                </div>`,
            )
          : html`<p class="nav-empty">Choose or create a bot to see its pages.</p>`
      }
    </nav>
    <div class="scrim" onClick=${() => setMenuOpen(false)}></div>
    <main id="main" class="main" tabindex="-1">${children}</main>
    ${newBot && html`<${NewBotDialog} onClose=${() => setNewBot(false)} />`}
  </div>`;
}

export function NewBotDialog({ onClose }) {
  const { reloadBots, toast } = useApp();
  const form = useForm({ name: '', timeZone: browserTimeZone() });
  const zones = useMemo(timeZones, []);
  const create = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      const bot = await api.post('/api/bots', { name: values.name.trim(), timeZone: values.timeZone.trim() });
      await reloadBots();
      toast(`Bot “${bot.name}” created — connect a channel next`);
      onClose();
      navigate(`/bots/${bot.id}/channels`);
    });
  };
  return html`<${Modal} title="New bot" onClose=${onClose}>
    <form onSubmit=${create} class="form" novalidate>
      <${FormErrors} form=${form} />
      <${Input} label="Name" ...${form.bind('name')} required maxlength="200" autocomplete="off" autofocus />
      <${Input} label="Time zone" ...${form.bind('timeZone')} list="time-zones" required
        hint="IANA name, e.g. Europe/Berlin. Every date you type or read for this bot uses it." />
      <datalist id="time-zones">${zones.map((z) => html`<option value=${z} />`)}</datalist>
      <div class="form-actions">
        <${Button} onClick=${onClose}>Cancel</${Button}>
        <${Button} type="submit" variant="primary" busy=${form.busy}>Create bot</${Button}>
      </div>
    </form>
  </${Modal}>`;
}

function Welcome() {
  const [open, setOpen] = useState(false);
  useFocusTitle('welcome');
  return html`<div class="page">
    <header class="page-header"><div><h1 class="page-title" tabindex="-1">Welcome to Botcast</h1></div></header>
    <div class="card">
      <${EmptyState} icon="send" title="Create your first bot"
        action=${html`<${Button} variant="primary" icon="plus" onClick=${() => setOpen(true)}>Create a bot</${Button}>`}>
        <p>A bot has a name and a time zone. Then connect it to ${accountPlatformNames()} — or try everything first with the built-in sandbox.</p>
      </${EmptyState}>
    </div>
    ${open && html`<${NewBotDialog} onClose=${() => setOpen(false)} />`}
  </div>`;
}

function NotFound({ what = 'page' }) {
  return html`<div class="page">
    <div class="card">
      <${EmptyState} title=${what === 'bot' ? 'This bot does not exist' : 'Nothing here'}
        action=${html`<a class="btn btn-primary" href="/">Go to the start page</a>`}>
        <p>${what === 'bot' ? 'It may have been deleted, or it belongs to another workspace.' : 'The address does not match any page of the panel.'}</p>
      </${EmptyState}>
    </div>
  </div>`;
}
