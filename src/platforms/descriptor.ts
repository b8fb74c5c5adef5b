// What a platform folder says about itself without talking to the platform: its code, name,
// default send rate, the credentials a channel needs and how the panel asks for them. Each
// src/platforms/<code>/index.ts exports one `descriptor`; src/platforms/registry.ts lists the folders
// and everything else (the PlatformCode type, the API's platform enums, GET /api/platforms and,
// through it, the panel) derives from that list.

/** A credential a channel of the platform holds, as the panel's connect form asks for it. */
export interface CredentialField {
  /** Key in the channel's credentials object, e.g. 'token'. */
  key: string;
  /** Form label, e.g. 'Bot token'. */
  label: string;
  /** One line under the field: where to find the value. */
  hint?: string;
  /** Not required to connect (the client has a default). */
  optional?: boolean;
  /** A secret: typed into a password field. */
  secret?: boolean;
}

/**
 * The webhook is set up by a person in the platform's own settings (VK Callback API): the channel
 * page shows the URL, the secret to paste and the steps, and the secret and the confirmation string
 * can be set through the API (PATCH /api/channels/:id `webhookSecret`, `webhookConfirmation`).
 */
export interface WebhookSetup {
  /** What the platform calls the secret Botcast expects, e.g. 'Secret key'. */
  secretLabel: string;
  /** The platform's rules for that secret, a regular expression checked when one is set (Botcast generates a conforming one). */
  secretPattern: string;
  /** What the platform calls the string its handshake wants back, when it has one (stored as credential `confirmation`). */
  confirmationLabel?: string;
  /** The steps in the platform's settings, in order. */
  steps: readonly string[];
}

export interface PlatformDescriptor {
  /** Stable code used in URLs, the database and the API, e.g. 'tg'. */
  code: string;
  displayName: string;
  /** Default send-rate limit per channel, messages per second (from the platform's documentation). */
  defaultRatePerSecond: number;
  /** Every credential field, required ones first in the order the form shows them. */
  credentials: readonly CredentialField[];
  /** What to do with the channel's webhook URL, shown under it in the panel. */
  webhookHint: string;
  /** The platform's brand colour (CSS colour), for the panel's dots and chips. */
  color: string;
  webhookSetup?: WebhookSetup;
}

/** The client's identity fields, from its folder's descriptor. */
export function describedBy<D extends PlatformDescriptor>(descriptor: D) {
  return {
    code: descriptor.code as D['code'],
    displayName: descriptor.displayName,
    defaultRatePerSecond: descriptor.defaultRatePerSecond,
    credentialFields: descriptor.credentials.filter((c) => !c.optional).map((c) => c.key),
  };
}
