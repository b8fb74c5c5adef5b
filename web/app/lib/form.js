// Form state with the API's errors placed next to the field they name (details.field). Fields
// register themselves when bound, so an error about a field the form does not show (or no field
// at all) is shown at the top of the form instead of being lost.
import { useRef, useState } from './html.js';
import { ApiError } from './api.js';

/** Maps an error to { field: message }; "" is the form itself. */
export function errorsFrom(error) {
  if (!(error instanceof ApiError)) return { '': error?.message || String(error) };
  const errors = {};
  // "Telegram needs credentials: token" → under every missing credential field.
  if (error.code === 'missing_credentials' && Array.isArray(error.details?.missing)) {
    for (const name of error.details.missing) errors[`credentials.${name}`] = 'Required';
  }
  errors[error.field ?? ''] = error.field ? withoutField(error.message, error.field) : error.message;
  return errors;
}

/** Under its field, "buttons[0].url must be an http(s) URL" reads "Must be an http(s) URL". */
function withoutField(message, field) {
  if (!message.startsWith(field + ' ')) return message;
  const rest = message.slice(field.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * @param {Record<string, unknown>} initial the fields and their first values
 * @param {{ defaultField?: string }} [options] defaultField: where errors that name no shown field
 *   go (a one-field form shows "tag already exists" under its only field, not above the form)
 */
export function useForm(initial, { defaultField } = {}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const shown = useRef(new Set());
  shown.current = new Set();

  const set = (name, value) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!e[name]) return e;
      const next = { ...e };
      delete next[name];
      return next;
    });
  };

  return {
    values,
    errors,
    busy,
    set,
    setValues,
    setErrors,
    reset(next = initial) {
      setValues(next);
      setErrors({});
    },
    /** Props for <${Input}> / <${Select}> / <${TextArea}>: value, onInput, error. */
    bind(name, { type } = {}) {
      shown.current.add(name);
      if (type === 'checkbox')
        return { name, checked: !!values[name], error: errors[name], onInput: (e) => set(name, e.currentTarget.checked) };
      return { name, value: values[name] ?? '', error: errors[name], onInput: (e) => set(name, e.currentTarget.value) };
    },
    /** Marks a field as shown without binding it (a group of inputs, e.g. "credentials"). */
    error(name) {
      shown.current.add(name);
      return errors[name];
    },
    /** Errors for no shown field: for the banner at the top of the form. */
    formErrors() {
      return Object.entries(errors)
        .filter(([field, message]) => message && (field === '' || !shown.current.has(field)))
        .map(([, message]) => message);
    },
    /** Runs the request; on failure spreads the API error over the fields and returns undefined. */
    async submit(run) {
      setBusy(true);
      setErrors({});
      try {
        return await run(values);
      } catch (error) {
        const errors = errorsFrom(error);
        if (defaultField) {
          for (const [field, message] of Object.entries(errors)) {
            if (field === defaultField || shown.current.has(field)) continue;
            delete errors[field];
            errors[defaultField] ??= message;
          }
        }
        setErrors(errors);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}
