// The send form's WhatsApp template (issue 16): outside the 24-hour window WhatsApp delivers only
// approved templates, so a broadcast may carry one for those people (or for everyone). The user
// picks a template of the WhatsApp channel, maps each {{n}} of its body to Botcast text with
// {{variables}} and a fallback (used when the value comes out empty), and chooses the policy.
import { html } from '../../lib/html.js';
import { api } from '../../lib/api.js';
import { useResource } from '../../lib/data.js';
import { plural } from '../../lib/format.js';
import { Input, RadioGroup, Select } from '../../ui/components.js';
import { bodyText } from '../channel-templates.js';

const NONE = '';
const keyOf = (t) => `${t.name}\u0001${t.language}`;

const POLICIES = [
  {
    value: 'outside_window',
    label: 'Template outside the window only',
    hint: 'People who wrote in the last 24 hours get the message above; the others get the template.',
  },
  { value: 'everyone', label: 'Template for everyone', hint: 'Everyone on WhatsApp gets the template.' },
];

/** The template's part of the API's content, from the form's value. */
export function templateOf(value) {
  if (!value) return undefined;
  return {
    name: value.name,
    language: value.language,
    variables: value.variables.map((x) => ({ value: x.value, fallback: x.fallback })),
    headerImage: value.headerImage,
    policy: value.policy,
  };
}

/** What the audience preview needs of the template: which one, and the policy (it counts who gets it). */
export function templatePreview(value) {
  if (!value) return {};
  return { content: { whatsappTemplate: { name: value.name, language: value.language, variables: [], policy: value.policy } } };
}

/** A draft's stored template → the form's value. */
export function templateFromDraft(stored) {
  if (!stored?.name) return null;
  return {
    name: stored.name,
    language: stored.language,
    variables: (stored.variables ?? []).map((x) => ({ value: x.value ?? '', fallback: x.fallback ?? '' })),
    headerImage: !!stored.headerImage,
    policy: stored.policy ?? 'outside_window',
  };
}

export function WhatsAppTemplate({ channel, v, change, errorAt }) {
  const list = useResource(() => api.get(`/api/channels/${channel.id}/whatsapp-templates`), [channel.id]);
  const chosen = v.waTemplate;
  const approved = (list.data?.templates ?? []).filter((t) => t.status === 'APPROVED');
  const template = chosen && (list.data?.templates ?? []).find((t) => t.name === chosen.name && t.language === chosen.language);
  const pick = (key) => {
    const t = approved.find((x) => keyOf(x) === key);
    if (!t) return change('waTemplate', null, 'content.whatsappTemplate');
    change(
      'waTemplate',
      {
        name: t.name,
        language: t.language,
        variables: Array.from({ length: t.bodyParameters }, (_, i) =>
          i === 0 ? { value: '{{first_name}}', fallback: 'there' } : { value: '', fallback: '' },
        ),
        headerImage: t.headerFormat === 'IMAGE',
        policy: 'outside_window',
      },
      'content.whatsappTemplate',
    );
  };
  const setVariable = (i, field, value) =>
    change(
      'waTemplate',
      { ...chosen, variables: chosen.variables.map((x, j) => (j === i ? { ...x, [field]: value } : x)) },
      'content.whatsappTemplate',
    );
  // The API's error about the template as a whole (its header, its variable count); those about
  // one field are shown next to it.
  const fieldErrors = [
    errorAt('content.whatsappTemplate.name'),
    ...(chosen?.variables ?? []).map((_, i) => errorAt(`content.whatsappTemplate.variables.${i}.fallback`)),
  ];
  const general = errorAt('content.whatsappTemplate');
  const generalShown = general && !fieldErrors.includes(general) ? general : null;
  const options = [
    { value: NONE, label: 'None: people outside the 24-hour window are left out' },
    ...approved.map((t) => ({ value: keyOf(t), label: `${t.name} (${t.language}) · ${t.category.toLowerCase()}` })),
  ];
  const hint = list.error
    ? `The templates could not be loaded: ${list.error.message}`
    : list.data && approved.length === 0
      ? 'This WhatsApp channel has no approved templates yet: refresh them on the Channels page.'
      : 'WhatsApp delivers a free-form message only to people who wrote in the last 24 hours; outside that, only an approved template.';
  return html`<div class="wa-template" data-testid="wa-template">
    <${Select}
      label="WhatsApp template"
      value=${chosen ? keyOf(chosen) : NONE}
      options=${options}
      hint=${hint}
      error=${errorAt('content.whatsappTemplate.name')}
      onChange=${(e) => pick(e.currentTarget.value)}
    />
    ${
      chosen &&
      html`
        ${template && html`<p class="template-body small" aria-label="Template text">${bodyText(template)}</p>`}
        ${
          chosen.variables.length > 0 &&
          html`<fieldset class="template-variables">
            <legend>${plural(chosen.variables.length, 'variable')} of the template</legend>
            ${chosen.variables.map(
              (x, i) =>
                html`<div class="variable-row" key=${i}>
                  <${Input}
                    label=${`{{${i + 1}}} is`}
                    value=${x.value}
                    placeholder="{{first_name}}"
                    maxlength="1000"
                    onInput=${(e) => setVariable(i, 'value', e.currentTarget.value)}
                  />
                  <${Input}
                    label=${`Fallback for {{${i + 1}}}`}
                    value=${x.fallback}
                    maxlength="200"
                    hint="When the value comes out empty"
                    error=${errorAt(`content.whatsappTemplate.variables.${i}.fallback`)}
                    onInput=${(e) => setVariable(i, 'fallback', e.currentTarget.value)}
                  />
                </div>`,
            )}
          </fieldset>`
        }
        ${
          chosen.headerImage &&
          html`<p class="hint">
            The template’s header shows the message’s
            image${v.contentType === 'screen' ? ' (the screen’s image).' : ': choose a screen with an image.'}
          </p>`
        }
        <${RadioGroup}
          legend="Who gets the template"
          name="waTemplatePolicy"
          value=${chosen.policy}
          options=${POLICIES}
          onChange=${(x) => change('waTemplate', { ...chosen, policy: x }, 'content.whatsappTemplate')}
        />
        ${generalShown && html`<p class="field-error" role="alert">${generalShown}</p>`}
      `
    }
  </div>`;
}

/** The audience preview's lines for a platform that carries a template: who gets what. */
export function templateLines(platforms) {
  return (platforms ?? [])
    .filter((p) => p.whatsappTemplate)
    .map((p) => {
      const t = p.whatsappTemplate;
      const parts = [
        t.policy === 'outside_window' && `${plural(t.freeForm, 'subscriber')} get the message (wrote in the last 24 hours)`,
        `${plural(t.template, 'subscriber')} get the template “${t.name}”`,
        t.marketingStopped > 0 && `${plural(t.marketingStopped, 'subscriber')} left out: stopped marketing messages`,
      ].filter(Boolean);
      return `WhatsApp: ${parts.join('; ')}`;
    });
}
