// Validation results shared by the schedule module. Errors name the offending field (relative to the
// validated object, e.g. "days[2]", "time", "endDate") so the HTTP layer can answer 400 and point at it,
// prefixing its own path ("recurrence.days[2]") if it wants to.

export interface FieldError {
  /** Field path relative to the validated object: "time", "days", "days[1]", "endDate". */
  field: string;
  /** A sentence for a person: what is wrong and what is expected. */
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Prefixes every error's field with `prefix.` (for nested validation). */
export function prefixErrors(prefix: string, errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field ? `${prefix}.${e.field}` : prefix, message: e.message }));
}
