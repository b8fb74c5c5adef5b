// What the list pages repeat: the error or the spinner above a list being fetched, and a
// destructive action that is asked for first and whose refusal by the API becomes a toast.
import { html } from '../lib/html.js';
import { useApp } from '../context.js';
import { ErrorNotice, Loading } from './components.js';

/** The error (with Try again) or the spinner of a useResource; nothing once its data is there. */
export function ResourceStatus({ resource }) {
  return html`<${ErrorNotice} error=${resource.error} onRetry=${resource.reload} />
    ${resource.data === undefined && !resource.error && html`<${Loading} />`}`;
}

/**
 * Returns `run(question, act, onError)`: asks `question` ({ title, message, confirmLabel, and
 * optionally choices }) as a danger confirmation, then runs `act` (with the chosen value); if it
 * throws, its message is shown as a toast and `onError` (when given) runs, e.g. to reload what the
 * refused action left as it was.
 */
export function useConfirmedAction() {
  const { toast, confirm } = useApp();
  return async (question, act, onError) => {
    const ok = await confirm({ danger: true, ...question });
    if (!ok) return;
    try {
      await act(ok);
    } catch (error) {
      toast(error.message, 'bad');
      onError?.();
    }
  };
}

/**
 * A labelled table in its scroll wrapper. `columns`: a header's text, or `{ label, className,
 * hidden }` (hidden: read by screen readers only, as over a column of buttons). Children are rows.
 */
export function DataTable({ label, columns, className = 'table', children }) {
  return html`<div class="table-wrap">
    <table class=${className} aria-label=${label}>
      <thead>
        <tr>
          ${columns.map((c) => {
            const col = typeof c === 'string' ? { label: c } : c;
            return html`<th scope="col" class=${col.className}>
              ${col.hidden ? html`<span class="visually-hidden">${col.label}</span>` : col.label}
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${children}
      </tbody>
    </table>
  </div>`;
}
