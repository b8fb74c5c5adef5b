// The platforms Botcast sends to, by code. Each has its module under src/platforms/<code>/ (which
// re-exports these with the interface the modules implement).

export const PLATFORM_CODES = ['tg', 'wa', 'viber', 'vk', 'fb', 'instagram', 'ok', 'sandbox'] as const;
export type PlatformCode = (typeof PLATFORM_CODES)[number];

export function isPlatformCode(value: unknown): value is PlatformCode {
  return typeof value === 'string' && (PLATFORM_CODES as readonly string[]).includes(value);
}
