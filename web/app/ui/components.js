// The panel's building blocks. Every form control has a visible <label> tied to it, its hint and
// error are linked with aria-describedby, and an error sets aria-invalid.
import { html, useEffect, useId, useLayoutEffect, useRef, useState } from '../lib/html.js';
import { Icon } from './icons.js';

function describedBy(id, hint, error) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, hint, error, children, className = '', labelHidden }) {
  return html`<div class=${`field ${error ? 'has-error' : ''} ${className}`}>
    <label for=${id} class=${labelHidden ? 'visually-hidden' : ''}>${label}</label>
    ${children} ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${id}-error`}>${error}</p>`}
  </div>`;
}

/** A labelled input. `error` comes from form.bind(name) and shows under the field. */
export function Input({ label, hint, error, id, className, labelHidden, ...rest }) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  return html`<${FieldShell} id=${inputId} label=${label} hint=${hint} error=${error} className=${className} labelHidden=${labelHidden}>
    <input id=${inputId} type="text" aria-invalid=${error ? 'true' : undefined} aria-describedby=${describedBy(inputId, hint, error)} ...${rest} />
  </${FieldShell}>`;
}

export function TextArea({ label, hint, error, id, className, ...rest }) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  return html`<${FieldShell} id=${inputId} label=${label} hint=${hint} error=${error} className=${className}>
    <textarea id=${inputId} aria-invalid=${error ? 'true' : undefined} aria-describedby=${describedBy(inputId, hint, error)} ...${rest}></textarea>
  </${FieldShell}>`;
}

/** options: [{ value, label }] or strings. */
export function Select({ label, hint, error, id, options, className, labelHidden, ...rest }) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  return html`<${FieldShell} id=${inputId} label=${label} hint=${hint} error=${error} className=${className} labelHidden=${labelHidden}>
    <select id=${inputId} aria-invalid=${error ? 'true' : undefined} aria-describedby=${describedBy(inputId, hint, error)} ...${rest}>
      ${options.map((o) => (typeof o === 'string' ? html`<option value=${o}>${o}</option>` : html`<option value=${o.value} disabled=${o.disabled}>${o.label}</option>`))}
    </select>
  </${FieldShell}>`;
}

export function Checkbox({ label, hint, error, id, ...rest }) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  return html`<div class=${`field field-check ${error ? 'has-error' : ''}`}>
    <input id=${inputId} type="checkbox" aria-describedby=${describedBy(inputId, hint, error)} ...${rest} />
    <label for=${inputId}>${label}</label>
    ${hint && html`<p class="hint" id=${`${inputId}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${inputId}-error`}>${error}</p>`}
  </div>`;
}

export function Button({ variant = 'secondary', busy = false, icon, children, type = 'button', className = '', size, ...rest }) {
  return html`<button
    type=${type}
    class=${`btn btn-${variant} ${size ? 'btn-' + size : ''} ${className}`}
    disabled=${busy || rest.disabled}
    aria-busy=${busy ? 'true' : undefined}
    ...${rest}
  >
    ${icon && html`<${Icon} name=${icon} size=${16} />`}${children && html`<span>${children}</span>`}
  </button>`;
}

/** An icon-only button; `label` is its accessible name (and tooltip). */
export function IconButton({ icon, label, className = '', ...rest }) {
  return html`<button type="button" class=${`btn btn-icon ${className}`} aria-label=${label} title=${label} ...${rest}>
    <${Icon} name=${icon} size=${16} />
  </button>`;
}

/**
 * Errors that belong to the form, not to a field it shows: <${FormErrors} form=${form} />. A child
 * component, so it runs after the form's own template has bound (and so registered) its fields.
 */
export function FormErrors({ form, messages = form?.formErrors() }) {
  if (!messages || messages.length === 0) return null;
  return html`<div class="alert alert-error" role="alert">${messages.map((m) => html`<p>${m}</p>`)}</div>`;
}

export function ErrorNotice({ error, onRetry }) {
  if (!error) return null;
  return html`<div class="alert alert-error" role="alert">
    <p>${error.message || String(error)}</p>
    ${onRetry && html`<${Button} size="sm" onClick=${onRetry}>Try again</${Button}>`}
  </div>`;
}

export function Loading({ label = 'Loading…' }) {
  return html`<div class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</div>`;
}

export function EmptyState({ icon, title, children, action }) {
  return html`<div class="empty">
    ${icon && html`<div class="empty-icon"><${Icon} name=${icon} size=${28} /></div>`}
    <h3>${title}</h3>
    ${children && html`<div class="empty-text">${children}</div>`} ${action && html`<div class="empty-action">${action}</div>`}
  </div>`;
}

/** tone: neutral | good | bad | warn | info */
export function Badge({ tone = 'neutral', children, title }) {
  return html`<span class=${`badge badge-${tone}`} title=${title}>${children}</span>`;
}

export function PageHeader({ title, description, actions }) {
  return html`<header class="page-header">
    <div>
      <h1 tabindex="-1" class="page-title">${title}</h1>
      ${description && html`<p class="page-description">${description}</p>`}
    </div>
    ${actions && html`<div class="page-actions">${actions}</div>`}
  </header>`;
}

export function Card({ title, children, actions, className = '' }) {
  return html`<section class=${`card ${className}`}>
    ${(title || actions) && html`<div class="card-head">${title && html`<h2>${title}</h2>`}${actions && html`<div class="card-actions">${actions}</div>`}</div>`}
    ${children}
  </section>`;
}

/** A read-only value with a Copy button (webhook URLs, API keys). */
export function CopyField({ label, value, hint }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Not a secure context (plain http on another machine): select it and copy the old way.
      ref.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const auto = useId();
  const id = `f${auto}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <div class="input-group">
      <input id=${id} ref=${ref} readonly value=${value} onFocus=${(e) => e.currentTarget.select()} aria-describedby=${hint ? `${id}-hint` : undefined} />
      <${Button} icon="copy" onClick=${copy} aria-label=${`Copy ${label}`}>${copied ? 'Copied' : 'Copy'}</${Button}>
    </div>
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
  </div>`;
}

const FOCUSABLE = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog (native <dialog>: the page behind is inert, Tab wraps round inside, Escape closes, the
 * focus returns to what had it). Mount it only while open:
 * {open && html`<${Modal} …>`}. variant "drawer" slides in from the right.
 */
export function Modal({ title, onClose, children, footer, variant = 'modal', size }) {
  const ref = useRef(null);
  const titleId = `d${useId()}`;
  useLayoutEffect(() => {
    const opener = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Closed first: while a modal dialog is open the page behind it is inert and cannot take the focus.
      if (dialog?.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const onCancel = (e) => {
    e.preventDefault();
    onClose();
  };
  const onClick = (e) => {
    if (e.target === ref.current) onClose();
  };
  // A modal <dialog> makes the page behind it inert, but Tab past its last control still leaves it
  // (for the browser's own toolbar, where the page cannot be seen): wrap round instead.
  const onKeyDown = (e) => {
    if (e.key !== 'Tab' || e.defaultPrevented || !ref.current) return;
    const controls = [...ref.current.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length > 0);
    if (controls.length === 0) return;
    const [first, last] = [controls[0], controls[controls.length - 1]];
    const inside = ref.current.contains(document.activeElement);
    if (e.shiftKey && (document.activeElement === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  };
  return html`<dialog
    ref=${ref}
    class=${`dialog dialog-${variant} ${size ? 'dialog-' + size : ''}`}
    aria-labelledby=${titleId}
    onCancel=${onCancel}
    onClick=${onClick}
    onKeyDown=${onKeyDown}
  >
    <div class="dialog-body">
      <div class="dialog-head">
        <h2 id=${titleId}>${title}</h2>
        <${IconButton} icon="x" label="Close" onClick=${onClose} />
      </div>
      <div class="dialog-content">${children}</div>
      ${footer && html`<div class="dialog-foot">${footer}</div>`}
    </div>
  </dialog>`;
}

/** Focuses the page title when a page opens, so keyboard and screen-reader users start there. */
export function useFocusTitle(key) {
  useEffect(() => {
    const title = document.querySelector('.page-title');
    if (title instanceof HTMLElement && !document.querySelector('dialog[open]')) title.focus({ preventScroll: true });
  }, [key]);
}

/** Section links that look like tabs; the address holds the section, so each is a real link. */
export function TabLinks({ label, tabs, current }) {
  return html`<nav class="tabs" aria-label=${label}>
    ${tabs.map(
      (t) =>
        html`<a href=${t.href} class=${`tab ${t.key === current ? 'active' : ''}`} aria-current=${t.key === current ? 'page' : undefined}>
          ${t.label}${t.count !== undefined && t.count !== null && html`<span class="tab-count">${t.count}</span>`}
        </a>`,
    )}
  </nav>`;
}

/**
 * A labelled group of radio buttons (one choice), drawn as cards. options: [{ value, label, hint?,
 * disabled? }]; a hint describes its option (aria-describedby) without being part of its name.
 */
export function RadioGroup({ legend, name, value, options, onChange, error, hint, className = '' }) {
  const auto = useId();
  const id = `r${auto}`;
  return html`<fieldset class=${`radio-group ${error ? 'has-error' : ''} ${className}`} aria-describedby=${describedBy(id, hint, error)}>
    <legend>${legend}</legend>
    <div class="radio-options">
      ${options.map(
        (o, i) =>
          html`<div
            class=${`radio ${o.disabled ? 'is-disabled' : ''} ${value === o.value ? 'is-checked' : ''}`}
            onClick=${(e) => {
              if (!o.disabled && e.target === e.currentTarget) onChange(o.value);
            }}
          >
            <input
              type="radio"
              id=${`${id}-${i}`}
              name=${name}
              value=${o.value}
              checked=${value === o.value}
              disabled=${o.disabled}
              aria-describedby=${o.hint ? `${id}-${i}-hint` : undefined}
              onChange=${() => onChange(o.value)}
            />
            <span
              class="radio-text"
              onClick=${() => {
                if (!o.disabled) onChange(o.value);
              }}
            >
              <label class="radio-label" for=${`${id}-${i}`}>${o.label}</label>
              ${o.hint && html`<span class="radio-hint" id=${`${id}-${i}-hint`}>${o.hint}</span>`}
            </span>
          </div>`,
      )}
    </div>
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${id}-error`}>${error}</p>`}
  </fieldset>`;
}

/** A bar of `value` out of `max`, with its text for screen readers. */
export function ProgressBar({ value, max, label, tone = 'accent' }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return html`<div
    class=${`progress progress-${tone}`}
    role="progressbar"
    aria-label=${label}
    aria-valuemin="0"
    aria-valuemax=${max}
    aria-valuenow=${value}
  >
    <span style=${{ width: `${pct}%` }}></span>
  </div>`;
}
