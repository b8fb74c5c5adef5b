// Placeholder for a page whose API is still being built; replace the entry in pages/index.js.
import { html } from '../lib/html.js';
import { EmptyState, PageHeader } from '../ui/components.js';

export function comingSoon(title, description, icon = 'history') {
  return function ComingSoonPage() {
    return html`<div class="page">
      <${PageHeader} title=${title} />
      <div class="card">
        <${EmptyState} icon=${icon} title="Coming soon">
          <p>${description}</p>
          <p class="muted">This page is being built and comes with a next version of the panel.</p>
        </${EmptyState}>
      </div>
    </div>`;
  };
}
