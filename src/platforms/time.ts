// Platform timestamps → milliseconds since the epoch. Each platform documents one unit (Telegram
// `date`, VK `date`, WhatsApp `timestamp`: seconds; Viber, Messenger, Instagram, OK `timestamp`:
// milliseconds), but Meta's own samples mix them (the Messenger postback reference shows
// `"timestamp":1527459824`, seconds), and a seconds value read as milliseconds lands in January
// 1970. So the magnitude decides, whatever the field is documented as: 1e11 ms is March 1973 and
// 1e11 s is the year 5138, so no date a platform can send is ambiguous.
const SECONDS_BELOW = 1e11;

export function epochMs(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return Math.round(n < SECONDS_BELOW ? n * 1000 : n);
}

/** `{ at }` to spread into an InboundEvent, or nothing when the platform gave no usable time. */
export function atOf(value: unknown): { at?: number } {
  const at = epochMs(value);
  return at === undefined ? {} : { at };
}
