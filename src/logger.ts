// Structured logs (pino). No credential ever appears in a log line: Telegram tokens sit in URL
// paths and surface in error messages (undici's included), so errors are scrubbed, and the usual
// secret-bearing fields are censored.
import pino, { type Logger } from 'pino';
import { redact } from './platforms/http.ts';

function scrubError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) {
    if (typeof serialized[key] === 'string') serialized[key] = redact(serialized[key] as string);
  }
  return serialized;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: scrubError, error: scrubError },
      redact: {
        paths: [
          'token',
          '*.token',
          'password',
          '*.password',
          'credentials',
          '*.credentials',
          'apiKey',
          '*.apiKey',
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
