// The search-and-filters bar of the History and Logs pages: search by send id, and the Broadcasts /
// External / Trigger events checkboxes (none checked = every type), all kept in the address.
// A page adds its own checkboxes after the kinds (Logs: "Only with errors").
import { html, useState } from '../lib/html.js';
import { setQuery } from '../lib/router.js';
import { Button } from '../ui/components.js';
import { Icon } from '../ui/icons.js';

export const KINDS = [
  { key: 'broadcast', label: 'Broadcasts' },
  { key: 'external', label: 'External' },
  { key: 'trigger', label: 'Trigger events' },
];

/** `id` names the search input; `withKinds` false hides the type checkboxes (sections of one type). */
export function SendFilters({ id, kinds, q, withKinds = true, extra = null }) {
  const [search, setSearch] = useState(q);
  const toggle = (key, on) =>
    setQuery({
      kinds: KINDS.map((k) => k.key)
        .filter((k) => (k === key ? on : kinds.includes(k)))
        .join(','),
    });
  return html`<section class="card filters" aria-label="Search and filters">
    <form class="filter-row" role="search" onSubmit=${(e) => {
      e.preventDefault();
      setQuery({ q: search.trim() });
    }}>
      <div class="field search-field send-search">
        <label for=${id}>Search by send id</label>
        <div class="input-group">
          <div class="input-icon grow">
            <${Icon} name="search" size=${16} />
            <input id=${id} type="search" inputmode="numeric" value=${search} placeholder="e.g. 128" autocomplete="off"
              onInput=${(e) => {
                setSearch(e.currentTarget.value);
                if (!e.currentTarget.value && q) setQuery({ q: '' });
              }} />
          </div>
          <${Button} type="submit">Find</${Button}>
        </div>
      </div>
      ${
        withKinds &&
        html`<fieldset class="kind-filter">
          <legend>Show</legend>
          <div class="kind-options">
            ${KINDS.map((k) => html`<label class="check-inline"><input type="checkbox" checked=${kinds.includes(k.key)} onChange=${(e) => toggle(k.key, e.currentTarget.checked)} />${k.label}</label>`)}
            ${extra}
          </div>
          <p class="hint">None checked shows every type.</p>
        </fieldset>`
      }
    </form>
  </section>`;
}
