// Pickers of the send form: tags (toggle chips, only tags in use) and subscribers (a search box
// with a list of matches, keyboard driven: ↑ ↓ choose, Enter picks, Escape closes).
import { html, useEffect, useId, useMemo, useRef, useState } from '../lib/html.js';
import { api, query } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { platformName } from '../platforms.js';
import { Icon } from './icons.js';

const SHOWN_AT_ONCE = 40;

/**
 * Tags as toggle buttons. tags: [{ name, subscribers }]; selected: names; disabled: names that
 * cannot be picked here (chosen in the other list), shown with why.
 */
export function TagPicker({ legend, hint, tags, selected, onChange, disabled = [], disabledWhy = '', error, tone = 'include', emptyText }) {
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const auto = useId();
  const id = `t${auto}`;
  const q = filter.trim().toLowerCase();
  // Hundreds of tags stay usable: the filter, the chosen ones first, then the first SHOWN_AT_ONCE
  // of the others until "Show all". The order is taken when the list or the filter changes, not
  // at each click, so a chip does not jump away from the pointer or the keyboard focus.
  const chosen = useRef(selected);
  chosen.current = selected;
  const names = tags.map((t) => t.name).join('\n');
  const order = useMemo(() => {
    const matching = tags.filter((t) => !q || t.name.toLowerCase().includes(q)).map((t) => t.name);
    const first = matching.filter((name) => chosen.current.includes(name));
    return { names: [...first, ...matching.filter((name) => !chosen.current.includes(name))], pinned: first.length };
  }, [names, q]);
  const byName = new Map(tags.map((t) => [t.name, t]));
  const listed = order.names.filter((name) => byName.has(name)).map((name) => byName.get(name));
  const shown = showAll ? listed : listed.slice(0, order.pinned + SHOWN_AT_ONCE);
  const hidden = listed.length - shown.length;
  // A tag of a draft that is no longer in use is still listed, so it can be removed.
  const missing = selected.filter((name) => !tags.some((t) => t.name === name));
  const toggle = (name) => onChange(selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name]);
  return html`<fieldset
    class=${`tag-picker tag-picker-${tone} ${error ? 'has-error' : ''}`}
    aria-describedby=${[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
  >
    <legend>${legend}</legend>
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${
      tags.length > 12 &&
      html`<div class="input-icon tag-filter">
        <${Icon} name="search" size=${16} />
        <input
          type="search"
          aria-label=${`Filter: ${legend}`}
          placeholder="Filter tags"
          value=${filter}
          onInput=${(e) => setFilter(e.currentTarget.value)}
        />
      </div>`
    }
    ${
      tags.length === 0 && missing.length === 0
        ? html`<p class="muted">${emptyText ?? 'No tag is in use yet.'}</p>`
        : html`<div class="chips tag-options">
            ${shown.map((t) => {
              const on = selected.includes(t.name);
              const off = !on && disabled.includes(t.name);
              return html`<button
                key=${t.name}
                type="button"
                class=${`tag-toggle ${on ? 'on' : ''}`}
                aria-pressed=${on ? 'true' : 'false'}
                disabled=${off}
                title=${off ? disabledWhy : `${formatNumber(t.subscribers)} subscribers`}
                onClick=${() => toggle(t.name)}
              >
                ${on && html`<${Icon} name=${tone === 'exclude' ? 'x' : 'check'} size=${12} />`}${t.name}<span class="tag-count"
                  >${formatNumber(t.subscribers)}</span
                >
              </button>`;
            })}
            ${missing.map(
              (name) =>
                html`<button
                  type="button"
                  class="tag-toggle on stale"
                  aria-pressed="true"
                  title="Not assigned to anyone any more: remove it"
                  onClick=${() => toggle(name)}
                >
                  <${Icon} name="x" size=${12} />${name}<span class="tag-count">not in use</span>
                </button>`,
            )}
            ${shown.length === 0 && html`<span class="muted small">No tag matches “${filter}”.</span>`}
            ${
              hidden > 0 &&
              html`<button type="button" class="chip-button tag-show-all" onClick=${() => setShowAll(true)}>
                Show all ${formatNumber(listed.length)} tags
              </button>`
            }
          </div>`
    }
    ${error && html`<p class="field-error" id=${`${id}-error`}>${error}</p>`}
  </fieldset>`;
}

export function subscriberLabel(s) {
  return s.name || (s.username ? '@' + s.username : s.platformUserId);
}

/**
 * Search and pick a subscriber. platform: only that platform's subscribers; excludeIds: already
 * picked. onPick(subscriber) is called with the API's subscriber object.
 */
export function SubscriberPicker({
  botId,
  platform,
  label,
  hint,
  placeholder = 'Name, username or user id',
  onPick,
  excludeIds = [],
  error,
  id,
  autoFocus,
}) {
  const auto = useId();
  const inputId = id ?? `s${auto}`;
  const listId = `${inputId}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState({ items: [], loading: false, error: null });
  const [active, setActive] = useState(0);
  const box = useRef(null);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    const timer = setTimeout(async () => {
      setResults((r) => ({ ...r, loading: true }));
      try {
        const page = await api.get(`/api/bots/${botId}/subscribers${query({ q: text.trim(), platform, status: 'active', limit: 8 })}`);
        if (live) {
          setResults({ items: page.items, loading: false, error: null });
          setActive(0);
        }
      } catch (e) {
        if (live) setResults({ items: [], loading: false, error: e });
      }
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [botId, platform, text, open]);

  useEffect(() => {
    const close = (e) => {
      if (box.current && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, []);

  const items = results.items.filter((s) => !excludeIds.includes(s.id));
  const pick = (s) => {
    onPick(s);
    setText('');
    setOpen(false);
  };
  const onKeyDown = (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      if (open && items[active]) {
        e.preventDefault();
        pick(items[active]);
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return html`<div class=${`field combobox ${error ? 'has-error' : ''}`} ref=${box}>
    <label for=${inputId}>${label}</label>
    <div class="input-icon">
      <${Icon} name="search" size=${16} />
      <input
        id=${inputId}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${placeholder}
        value=${text}
        autofocus=${autoFocus}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-autocomplete="list"
        aria-activedescendant=${open && items[active] ? `${listId}-${items[active].id}` : undefined}
        aria-invalid=${error ? 'true' : undefined}
        aria-describedby=${[hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ') || undefined}
        onInput=${(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus=${() => setOpen(true)}
        onKeyDown=${onKeyDown}
        onBlur=${(e) => {
          if (!box.current?.contains(e.relatedTarget)) setOpen(false);
        }}
      />
    </div>
    ${
      open &&
      html`<ul class="combobox-list" id=${listId} role="listbox" aria-label=${label}>
        ${items.map(
          (s, i) =>
            html`<li
              key=${s.id}
              id=${`${listId}-${s.id}`}
              role="option"
              aria-selected=${i === active ? 'true' : 'false'}
              class=${i === active ? 'active' : ''}
              onPointerDown=${(e) => {
                e.preventDefault();
                pick(s);
              }}
              onMouseEnter=${() => setActive(i)}
            >
              <span class="strong">${subscriberLabel(s)}</span>
              <span class="muted small"
                >${platformName(s.platform)} ·
                <span class="mono">${s.platformUserId}</span>${s.tags.length > 0 ? ` · ${s.tags.slice(0, 3).join(', ')}` : ''}</span
              >
            </li>`,
        )}
        ${items.length === 0 && html`<li class="combobox-empty" role="presentation">${results.loading ? 'Searching…' : results.error ? results.error.message : text.trim() ? 'Nobody matches' : 'No subscribers yet'}</li>`}
      </ul>`
    }
    ${hint && html`<p class="hint" id=${`${inputId}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${inputId}-error`}>${error}</p>`}
  </div>`;
}
