// A channel whose webhook a person sets up in the platform's own settings (VK Callback API): the
// steps, the URL and the secret key to paste there, and a field for the confirmation string the
// platform shows back. Shown to admins only (the API answers 403 to others: the secret lets its
// holder post events as the platform).
import { html, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { useApp } from '../context.js';
import { Button, CopyField, FormErrors, Input } from '../ui/components.js';

export function WebhookSetup({ channel, info }) {
  const setup = useResource(() => api.get(`/api/channels/${channel.id}/webhook-setup`), [channel.id]);
  const [editing, setEditing] = useState(false);
  const { toast } = useApp();
  const form = useForm({ webhookConfirmation: '' });
  if (!setup.data?.manual) return null;
  const s = setup.data;
  const save = (e) => {
    e.preventDefault();
    const value = form.values.webhookConfirmation.trim();
    if (!value) {
      form.setErrors({ webhookConfirmation: `Paste the ${s.confirmationLabel.toLowerCase()} ${info.name} shows` });
      return;
    }
    form.submit(async () => {
      await api.patch(`/api/channels/${channel.id}`, { webhookConfirmation: value });
      toast(`${s.confirmationLabel} saved`);
      setEditing(false);
      form.set('webhookConfirmation', '');
      setup.reload();
    });
  };
  const headingId = `setup-${channel.id}`;
  return html`<section class="webhook-setup" aria-labelledby=${headingId}>
    <h3 id=${headingId}>Set up the ${info.name} webhook</h3>
    <ol class="steps">
      ${s.steps.map((step) => html`<li key=${step}>${step}</li>`)}
    </ol>
    <${CopyField} label="Server address (URL)" value=${s.webhookUrl} />
    <${CopyField}
      label=${s.secretLabel}
      value=${s.secret}
      hint=${`Paste it into ${info.name}; it proves that events come from ${info.name}.`}
    />
    ${
      s.confirmationLabel &&
      (s.confirmationSet && !editing
        ? html`<p>
            ${s.confirmationLabel}: <span class="muted">saved</span>
            <button type="button" class="link-button" onClick=${() => setEditing(true)}>Change</button>
          </p>`
        : html`<form class="inline-form" onSubmit=${save} novalidate>
            <${FormErrors} form=${form} />
            <${Input}
              label=${s.confirmationLabel}
              hint=${`The string ${info.name} asks the server to return.`}
              autocomplete="off"
              spellcheck="false"
              ...${form.bind('webhookConfirmation')}
            />
            <div class="inline-actions">
              <${Button} type="submit" variant="primary" size="sm" busy=${form.busy}>Save</${Button}>
              ${s.confirmationSet && html`<${Button} size="sm" variant="ghost" onClick=${() => setEditing(false)}>Cancel</${Button}>`}
            </div>
          </form>`)
    }
  </section>`;
}
