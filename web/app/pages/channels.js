// Channels: the bot's connections to platforms. Connect (platform, credentials, optional rate and
// API base URL), see status, rate and webhook URL, change the rate, pause, disconnect.
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { useApp } from '../context.js';
import { PLATFORMS, PlatformDot, accountPlatformNames, platform } from '../platforms.js';
import {
  Badge,
  Button,
  Checkbox,
  CopyField,
  EmptyState,
  FormErrors,
  Input,
  Modal,
  PageHeader,
  Select,
  useFocusTitle,
} from '../ui/components.js';
import { ResourceStatus, useConfirmedAction } from '../ui/lists.js';
import { WebhookSetup } from './channel-webhook-setup.js';
import { PaidBroadcast } from './channel-paid-broadcast.js';
import { CircuitBreaker } from './channel-breaker.js';
import { WebhookCheck } from './channel-webhook-check.js';
import { ChannelTemplates } from './channel-templates.js';

const STATUS = {
  active: { tone: 'good', label: 'Active' },
  disabled: { tone: 'neutral', label: 'Paused' },
  error: { tone: 'bad', label: 'Error' },
};

export function ChannelsPage({ bot }) {
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const [connecting, setConnecting] = useState(false);
  const { toast } = useApp();
  useFocusTitle('channels');
  const connected = new Set((channels.data ?? []).map((c) => c.platform));

  const addSandbox = async () => {
    try {
      await api.post(`/api/bots/${bot.id}/channels`, { platform: 'sandbox' });
      toast('Sandbox channel connected');
      channels.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };

  return html`<div class="page">
    <${PageHeader}
      title="Channels"
      description=${`Where ${bot.name} talks to people: one channel per platform.`}
      actions=${html`<${Button} variant="primary" icon="plus" onClick=${() => setConnecting(true)}>Connect a platform</${Button}>`}
    />
    <${ResourceStatus} resource=${channels} />
    ${
      channels.data?.length === 0 &&
      html`<div class="card"><${EmptyState} icon="channel" title="No channels yet"
        action=${html`<${Button} variant="primary" onClick=${() => setConnecting(true)}>Connect a platform</${Button}>
          <${Button} onClick=${addSandbox}>Add a sandbox channel</${Button}>`}>
        <p>Connect the bot to ${accountPlatformNames()} with its credentials.</p>
        <p>No account at hand? The sandbox is a built-in platform whose users live inside Botcast.</p>
      </${EmptyState}></div>`
    }
    <div class="channel-list">
      ${(channels.data ?? []).map((c) => html`<${ChannelCard} key=${c.id} channel=${c} bot=${bot} onChanged=${channels.reload} />`)}
    </div>
    ${
      connecting &&
      html`<${ConnectDialog}
        bot=${bot}
        connected=${connected}
        onClose=${() => setConnecting(false)}
        onConnected=${(c) => {
          setConnecting(false);
          channels.reload();
          toast(`${platform(c.platform).name} connected`);
        }}
      />`
    }
  </div>`;
}

function ChannelCard({ channel, bot, onChanged }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const info = platform(channel.platform);
  const status = STATUS[channel.status] ?? { tone: 'warn', label: channel.status };
  const [editingRate, setEditingRate] = useState(false);

  const setStatus = async (next) => {
    try {
      await api.patch(`/api/channels/${channel.id}`, { status: next });
      toast(next === 'disabled' ? 'Channel paused' : 'Channel resumed');
      onChanged();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };
  const disconnect = () =>
    confirmed(
      {
        title: `Disconnect ${info.name}?`,
        message: `${bot.name} stops receiving and sending messages on ${info.name}. Its subscribers stay, and you can connect again later.`,
        confirmLabel: 'Disconnect',
      },
      async () => {
        await api.del(`/api/channels/${channel.id}`);
        toast(`${info.name} disconnected`);
        onChanged();
      },
    );

  return html`<section class="card channel" aria-labelledby=${`channel-${channel.id}`} data-platform=${channel.platform}>
    <div class="card-head">
      <div class="channel-title">
        <${PlatformDot} code=${channel.platform} />
        <h2 id=${`channel-${channel.id}`}>${info.name}${channel.name && channel.name !== info.name ? html` <span class="muted">· ${channel.name}</span>` : ''}</h2>
        <${Badge} tone=${status.tone}>${status.label}</${Badge}>
      </div>
      <div class="card-actions">
        ${
          channel.status === 'disabled'
            ? html`<${Button} size="sm" onClick=${() => setStatus('active')}>Resume</${Button}>`
            : html`<${Button} size="sm" onClick=${() => setStatus('disabled')}>Pause</${Button}>`
        }
        <${Button} size="sm" variant="danger-ghost" onClick=${disconnect}>Disconnect</${Button}>
      </div>
    </div>
    ${channel.statusMessage && html`<div class=${`alert ${channel.status === 'error' ? 'alert-error' : 'alert-info'}`}><p>${channel.statusMessage}</p></div>`}
    <dl class="facts">
      <div>
        <dt>Send rate</dt>
        <dd>
          ${
            editingRate
              ? html`<${RateForm}
                  channel=${channel}
                  onDone=${(changed) => {
                    setEditingRate(false);
                    if (changed) onChanged();
                  }}
                />`
              : html`<span class="rate">${formatNumber(channel.ratePerSecond)} messages / second</span>
                  ${channel.rateIsDefault && html` <span class="muted">(platform default)</span>`}
                  <button
                    type="button"
                    class="link-button"
                    onClick=${() => setEditingRate(true)}
                    aria-label=${`Change the send rate of ${info.name}`}
                  >
                    Change
                  </button>`
          }
        </dd>
      </div>
      ${
        channel.platform !== 'sandbox' &&
        html`<div>
          <dt>API base URL</dt>
          <dd class="mono">${channel.apiBaseUrl}</dd>
        </div>`
      }
      ${
        channel.credentialsSet.length > 0 &&
        html`<div>
          <dt>Credentials</dt>
          <dd>${channel.credentialsSet.join(', ')} <span class="muted">(stored encrypted)</span></dd>
        </div>`
      }
      <div><dt>Connected</dt><dd>${formatDateTime(channel.createdAt, bot.timeZone)}</dd></div>
    </dl>
    ${channel.platform === 'tg' && html`<${PaidBroadcast} channel=${channel} onChanged=${onChanged} />`}
    ${
      channel.webhookUrl
        ? html`<${CopyField} label="Webhook URL" value=${channel.webhookUrl} hint=${info.webhook} />`
        : html`<p class="hint">${info.webhook} <a href=${`/bots/${bot.id}/sandbox`}>Open the sandbox</a></p>`
    }
    ${channel.webhookUrl && channel.inbound === 'webhook' && html`<${WebhookCheck} channel=${channel} name=${info.name} timeZone=${bot.timeZone} />`}
    ${info.webhookSetup && html`<${WebhookSetup} channel=${channel} info=${info} />`}
    <${CircuitBreaker} channel=${channel} onChanged=${onChanged} />
    ${channel.platform === 'wa' && html`<${ChannelTemplates} channel=${channel} bot=${bot} />`}
  </section>`;
}

function RateForm({ channel, onDone }) {
  const form = useForm({ ratePerSecond: String(channel.ratePerSecond) });
  const save = (e) => {
    e.preventDefault();
    const rate = Number(form.values.ratePerSecond);
    // Checked here too: the API reads 0 as "no value", which would quietly mean the platform default.
    if (form.values.ratePerSecond.trim() === '' || !Number.isFinite(rate) || rate <= 0) {
      form.setErrors({ ratePerSecond: 'Enter a number of messages per second above 0' });
      return;
    }
    form.submit(async () => {
      await api.patch(`/api/channels/${channel.id}`, { ratePerSecond: rate });
      onDone(true);
    });
  };
  const reset = () =>
    form.submit(async () => {
      await api.patch(`/api/channels/${channel.id}`, { ratePerSecond: null });
      onDone(true);
    });
  return html`<form class="inline-form" onSubmit=${save} novalidate>
    <${FormErrors} form=${form} />
    <${Input} label="Messages per second" type="number" min="0" step="any" inputmode="decimal" autofocus ...${form.bind('ratePerSecond')} className="field-narrow" />
    <div class="inline-actions">
      <${Button} type="submit" variant="primary" size="sm" busy=${form.busy}>Save</${Button}>
      ${!channel.rateIsDefault && html`<${Button} size="sm" onClick=${reset}>Use platform default</${Button}>`}
      <${Button} size="sm" variant="ghost" onClick=${() => onDone(false)}>Cancel</${Button}>
    </div>
  </form>`;
}

function ConnectDialog({ bot, connected, onClose, onConnected }) {
  const first = PLATFORMS.find((p) => !connected.has(p.code))?.code ?? 'tg';
  const form = useForm({ platform: first, name: '', ratePerSecond: '', apiBaseUrl: '', verify: true });
  const info = platform(form.values.platform);
  const isSandbox = info.code === 'sandbox';
  const [advanced, setAdvanced] = useState(false);
  const advancedError = form.errors.ratePerSecond || form.errors.apiBaseUrl;
  useEffect(() => {
    if (advancedError) setAdvanced(true);
  }, [advancedError]);

  const submit = (e) => {
    e.preventDefault();
    const v = form.values;
    const body = { platform: v.platform };
    if (v.name.trim()) body.name = v.name.trim();
    if (!isSandbox) {
      body.credentials = {};
      for (const field of info.credentials) {
        const value = (v[`credentials.${field.key}`] ?? '').trim();
        if (value) body.credentials[field.key] = value;
      }
      if (v.apiBaseUrl.trim()) body.apiBaseUrl = v.apiBaseUrl.trim();
      if (!v.verify) body.verify = false;
    }
    if (v.ratePerSecond.trim() !== '') {
      const rate = Number(v.ratePerSecond);
      if (!Number.isFinite(rate) || rate <= 0) {
        form.setErrors({ ratePerSecond: 'Enter a number of messages per second above 0, or leave it empty for the platform default' });
        return;
      }
      body.ratePerSecond = rate;
    }
    form.submit(async () => onConnected(await api.post(`/api/bots/${bot.id}/channels`, body)));
  };

  const credentialsError = form.error('credentials');
  return html`<${Modal} title="Connect a platform" onClose=${onClose}>
    <form class="form" onSubmit=${submit} novalidate>
      <${FormErrors} form=${form} />
      <${Select} label="Platform" ...${form.bind('platform')} onInput=${(e) => {
        form.setErrors({});
        form.set('platform', e.currentTarget.value);
      }} autofocus
        options=${PLATFORMS.map((p) => ({ value: p.code, label: connected.has(p.code) ? `${p.name} (connected)` : p.name, disabled: connected.has(p.code) }))} />
      <${Input} label="Channel name" placeholder=${info.name} hint="Optional: how this channel is called in the panel." ...${form.bind('name')} />
      ${
        !isSandbox &&
        html`<fieldset class="fieldset">
          <legend>${info.name} credentials</legend>
          ${credentialsError && html`<p class="field-error" role="alert">${credentialsError}</p>`}
          ${info.credentials.map(
            (field) =>
              html`<${Input}
                key=${info.code + field.key}
                label=${field.optional ? `${field.label} (optional)` : field.label}
                hint=${field.hint}
                autocomplete="off"
                spellcheck="false"
                type=${field.secret ? 'password' : 'text'}
                ...${form.bind(`credentials.${field.key}`)}
              />`,
          )}
          <p class="hint">Stored encrypted; the panel never shows them again.</p>
        </fieldset>`
      }
      ${isSandbox && html`<p class="hint">${info.webhook}</p>`}
      <details class="advanced" open=${advanced} onToggle=${(e) => setAdvanced(e.currentTarget.open)}>
        <summary>Advanced: send rate${isSandbox ? '' : ' and API base URL'}</summary>
        <${Input} label="Send rate (messages per second)" type="number" min="0" step="any" inputmode="decimal"
          placeholder=${`${info.defaultRate} (platform default)`} hint="Leave empty for the platform default." ...${form.bind('ratePerSecond')} />
        ${
          !isSandbox &&
          html`<${Input}
              label="API base URL"
              type="url"
              placeholder="The platform's own"
              hint="For a self-hosted Bot API server or a test server; leave empty otherwise."
              ...${form.bind('apiBaseUrl')}
            />
            <${Checkbox} label=${`Check the credentials with ${info.name} now`} ...${form.bind('verify', { type: 'checkbox' })} />`
        }
      </details>
      <div class="form-actions">
        <${Button} onClick=${onClose}>Cancel</${Button}>
        <${Button} type="submit" variant="primary" busy=${form.busy}>Connect ${info.name}</${Button}>
      </div>
    </form>
  </${Modal}>`;
}
