// The Botcast API as TypeScript types, generated from openapi.json by openapi-typescript.
// Do not edit: run `npm run snapshots`.
export interface paths {
  '/api/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * API keys of the workspace (never the keys themselves)
     * @description Needs the admin role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              id: number;
              /** Format: date-time */
              lastUsedAt: string | null;
              name: string;
              prefix: string;
              /** Format: date-time */
              revokedAt: string | null;
              /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key; the key is in this answer only
     * @description The role defaults to the caller’s own and cannot be above it.
     *
     *     Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
            role?: 'viewer' | 'editor' | 'admin' | 'owner';
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              id: number;
              /** @description The key itself; shown in this answer only */
              key: string;
              name: string;
              prefix: string;
              /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Changes to channels, API keys and members, newest first
     * @description Needs the admin role.
     */
    get: {
      parameters: {
        query?: {
          /** @description One action (`api_key.revoked`) or, ending with a dot, a family (`member.`) */
          action?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                actor: string;
                /** Format: date-time */
                createdAt: string;
                detail: {
                  [key: string]: unknown;
                };
                id: number;
                target: string;
              }[];
              /** @description Pass as cursor for the next page */
              nextCursor: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log into the panel (sets a session cookie)
     * @description Ten failed logins for one e-mail from one address, or fifty from one address, refuse that address for up to 15 minutes (429 with Retry-After); failures from everywhere only slow the e-mail's logins down.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              memberId: number;
              name: string;
              workspaceId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bots of the workspace
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              frequencyCap: {
                /** @description At most this many broadcasts… */
                count: number;
                /** @description …per subscriber within this many days */
                days: number;
              } | null;
              id: number;
              name: string;
              /** @description A message that is one of these words opts the subscriber back in */
              optInKeywords: string[];
              /** @description The answer to an opt-in keyword; null = the default text, empty = no answer */
              optInReply: string | null;
              /** @description A message that is one of these words (any case) opts the subscriber out of broadcasts */
              optOutKeywords: string[];
              /** @description The answer to an opt-out keyword; null = the default text, empty = no answer */
              optOutReply: string | null;
              /** @description IANA time zone */
              timeZone: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a bot
     * @description Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description IANA time zone, e.g. Europe/Berlin */
            timeZone?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              frequencyCap: {
                /** @description At most this many broadcasts… */
                count: number;
                /** @description …per subscriber within this many days */
                days: number;
              } | null;
              id: number;
              name: string;
              /** @description A message that is one of these words opts the subscriber back in */
              optInKeywords: string[];
              /** @description The answer to an opt-in keyword; null = the default text, empty = no answer */
              optInReply: string | null;
              /** @description A message that is one of these words (any case) opts the subscriber out of broadcasts */
              optOutKeywords: string[];
              /** @description The answer to an opt-out keyword; null = the default text, empty = no answer */
              optOutReply: string | null;
              /** @description IANA time zone */
              timeZone: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A bot
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              frequencyCap: {
                /** @description At most this many broadcasts… */
                count: number;
                /** @description …per subscriber within this many days */
                days: number;
              } | null;
              id: number;
              name: string;
              /** @description A message that is one of these words opts the subscriber back in */
              optInKeywords: string[];
              /** @description The answer to an opt-in keyword; null = the default text, empty = no answer */
              optInReply: string | null;
              /** @description A message that is one of these words (any case) opts the subscriber out of broadcasts */
              optOutKeywords: string[];
              /** @description The answer to an opt-out keyword; null = the default text, empty = no answer */
              optOutReply: string | null;
              /** @description IANA time zone */
              timeZone: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a bot and everything of it
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a bot: name, time zone, opt-out and opt-in keywords, frequency cap
     * @description A subscriber whose whole message is one of `optOutKeywords` (any case) is opted out of broadcasts and triggers; one of `optInKeywords` opts them back in; either is answered with `optOutReply` / `optInReply` (null = a default text, English or Russian after the word written; empty = no answer). `frequencyCap` (null = off): at most `count` broadcasts per subscriber within `days` days; recipients over it are left out when a run is materialised.
     *
     *     Needs the admin role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            frequencyCap?: {
              /** @description At most this many broadcasts… */
              count: number;
              /** @description …per subscriber within this many days */
              days: number;
            } | null;
            name?: string;
            /** @description Whole-message keywords, matched trimmed and in any case */
            optInKeywords?: string[];
            /** @description The answer to the keyword; null = the default text, "" = no answer */
            optInReply?: string | null;
            /** @description Whole-message keywords, matched trimmed and in any case */
            optOutKeywords?: string[];
            /** @description The answer to the keyword; null = the default text, "" = no answer */
            optOutReply?: string | null;
            /** @description IANA time zone, e.g. Europe/Berlin */
            timeZone?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              frequencyCap: {
                /** @description At most this many broadcasts… */
                count: number;
                /** @description …per subscriber within this many days */
                days: number;
              } | null;
              id: number;
              name: string;
              /** @description A message that is one of these words opts the subscriber back in */
              optInKeywords: string[];
              /** @description The answer to an opt-in keyword; null = the default text, empty = no answer */
              optInReply: string | null;
              /** @description A message that is one of these words (any case) opts the subscriber out of broadcasts */
              optOutKeywords: string[];
              /** @description The answer to an opt-out keyword; null = the default text, empty = no answer */
              optOutReply: string | null;
              /** @description IANA time zone */
              timeZone: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/bots/{botId}/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A bot's channels
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Telegram: sends as paid broadcasts (allow_paid_broadcast: up to 1000/s, paid in Stars per message); false elsewhere */
              allowPaidBroadcast: boolean;
              apiBaseUrl: string;
              botId: number;
              /** @description The circuit breaker (issue 17 point 10); null when it is off for this channel */
              circuitBreaker: {
                /** @description Runs on this channel pause themselves above this share of refused messages, in percent */
                percent: number;
                /** @description Over this many latest outcomes (also the smallest sample: nothing trips before) */
                window: number;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Names of the credentials stored (never their values) */
              credentialsSet: string[];
              id: number;
              /** @description webhook or polling */
              inbound: string;
              /** @description The webhook’s last request that checked out (signature, verify token or handshake) and the last one refused, with why; noted at most every 2 s. "Check connection" after a test event from the platform’s settings reads it */
              lastWebhook: {
                /** Format: date-time */
                refusedAt: string | null;
                refusedReason: string | null;
                /** Format: date-time */
                signedAt: string | null;
              };
              name: string;
              /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
              platform: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
              rateIsDefault: boolean;
              ratePerSecond: number;
              /** @description active, disabled, or a problem the platform reported */
              status: string;
              statusMessage: string;
              /** @description Where the platform posts updates (null for the sandbox) */
              webhookUrl: string | null;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Connect a platform: checks the credentials with the platform and registers the webhook where it can
     * @description Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Platform API base URL; null = the platform's own */
            apiBaseUrl?: string | null;
            /** @description Platform credentials (fields depend on the platform); stored encrypted, never returned */
            credentials?: {
              [key: string]: string;
            };
            /** @description webhook (default) or long polling (Telegram), for machines without a public URL */
            inbound?: 'webhook' | 'polling';
            name?: string;
            /** @description tg, wa, viber, vk, fb, instagram, ok, sandbox (GET /api/platforms) */
            platform: string;
            /** @description Messages per second; null = the platform default */
            ratePerSecond?: number | null;
            /** @description Check credentials with the platform (default true) */
            verify?: boolean;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Telegram: sends as paid broadcasts (allow_paid_broadcast: up to 1000/s, paid in Stars per message); false elsewhere */
              allowPaidBroadcast: boolean;
              apiBaseUrl: string;
              botId: number;
              /** @description The circuit breaker (issue 17 point 10); null when it is off for this channel */
              circuitBreaker: {
                /** @description Runs on this channel pause themselves above this share of refused messages, in percent */
                percent: number;
                /** @description Over this many latest outcomes (also the smallest sample: nothing trips before) */
                window: number;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Names of the credentials stored (never their values) */
              credentialsSet: string[];
              id: number;
              /** @description webhook or polling */
              inbound: string;
              /** @description The webhook’s last request that checked out (signature, verify token or handshake) and the last one refused, with why; noted at most every 2 s. "Check connection" after a test event from the platform’s settings reads it */
              lastWebhook: {
                /** Format: date-time */
                refusedAt: string | null;
                refusedReason: string | null;
                /** Format: date-time */
                signedAt: string | null;
              };
              name: string;
              /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
              platform: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
              rateIsDefault: boolean;
              ratePerSecond: number;
              /** @description active, disabled, or a problem the platform reported */
              status: string;
              statusMessage: string;
              /** @description Where the platform posts updates (null for the sandbox) */
              webhookUrl: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/chats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Operator chats of a bot
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          open?: boolean;
          subscriberId?: number;
        };
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              closedAt: string | null;
              closedBy: string | null;
              closeReason: string | null;
              id: number;
              /** Format: date-time */
              openedAt: string;
              openedBy: string;
              subscriberId: number;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/chats/close-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close all open chats of a bot
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closed: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/content/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * How a text or screen looks on each platform, with what degrades there
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            platforms?: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The platform API calls that would be made */
              calls: unknown[];
              /** @description What this platform cannot show as given, and what it shows instead */
              degradations: unknown[];
              displayName: string;
              platform: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Drafts of a bot
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description The send form as saved */
              form: {
                [key: string]: unknown;
              };
              id: number;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Save the send form as a draft
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            form: {
              audience?:
                | {
                    exclude?: (string | number)[];
                    /** @enum {string} */
                    type: 'all';
                  }
                | {
                    exclude?: (string | number)[];
                    include: (string | number)[];
                    /** @enum {string} */
                    type: 'tags';
                  }
                | {
                    importId?: number;
                    subscriberIds?: number[];
                    /** @enum {string} */
                    type: 'selected';
                  };
              /** @description The platforms (channels of the bot) to send on */
              channelIds?: number[];
              content?:
                | {
                    buttons?: {
                      /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                      kind: 'url' | 'reply' | 'opt_out';
                      text: string;
                      url?: string;
                    }[];
                    media?: {
                      type: 'image' | 'file';
                      url: string;
                    } | null;
                    text: string;
                    /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                    trackClicks?: boolean;
                    /** @enum {string} */
                    type: 'text';
                    /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                    whatsappTemplate?: {
                      /** @description The template’s image header shows the message’s image */
                      headerImage?: boolean;
                      /** @description Its language code, e.g. en_US */
                      language: string;
                      /** @description An approved template of the WhatsApp channel */
                      name: string;
                      /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                      policy?: 'outside_window' | 'everyone';
                      /** @description The body variables in order: the first fills {{1}} */
                      variables: {
                        /** @description Used when the value comes out empty: never blank */
                        fallback: string;
                        /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                        value: string;
                      }[];
                    };
                  }
                | {
                    screenId: number;
                    /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                    trackClicks?: boolean;
                    /** @enum {string} */
                    type: 'screen';
                    /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                    whatsappTemplate?: {
                      /** @description The template’s image header shows the message’s image */
                      headerImage?: boolean;
                      /** @description Its language code, e.g. en_US */
                      language: string;
                      /** @description An approved template of the WhatsApp channel */
                      name: string;
                      /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                      policy?: 'outside_window' | 'everyone';
                      /** @description The body variables in order: the first fills {{1}} */
                      variables: {
                        /** @description Used when the value comes out empty: never blank */
                        fallback: string;
                        /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                        value: string;
                      }[];
                    };
                  };
              /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
              endOpenChats?: boolean;
              timing?:
                | {
                    /** @enum {string} */
                    type: 'instant';
                  }
                | {
                    /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                    at: string;
                    /** @enum {string} */
                    type: 'delayed';
                  }
                | {
                    /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                    recurrence: unknown;
                    /** @enum {string} */
                    type: 'periodic';
                  };
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description The send form as saved */
              form: {
                [key: string]: unknown;
              };
              id: number;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/external-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A bot's external events, with their webhook URLs
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              calls: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              endOpenChats: boolean;
              id: number;
              /** @description Transactional: also reaches subscribers who opted out of broadcasts */
              ignoreOptOut: boolean;
              /** Format: date-time */
              lastCalledAt: string | null;
              name: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              updatedAt: string;
              /** @description The secret webhook URL (null when it cannot be read: rotate the secret) */
              url: string | null;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an external event: content (text or screen), End open chats, and a secret webhook URL
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            /** @description Transactional messages (an order, a password): reach subscribers who opted out of broadcasts too (default false) */
            ignoreOptOut?: boolean;
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              calls: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              endOpenChats: boolean;
              id: number;
              /** @description Transactional: also reaches subscribers who opted out of broadcasts */
              ignoreOptOut: boolean;
              /** Format: date-time */
              lastCalledAt: string | null;
              name: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              updatedAt: string;
              /** @description The secret webhook URL (null when it cannot be read: rotate the secret) */
              url: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/screens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Screens of a bot
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              buttons: ({
                kind: string;
                text: string;
                url?: string;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              createdAt: string;
              id: number;
              media:
                | ({
                    type: string;
                    url: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              name: string;
              text: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a screen
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            buttons?: {
              /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
              kind: 'url' | 'reply' | 'opt_out';
              text: string;
              url?: string;
            }[];
            media?: {
              type: 'image' | 'file';
              url: string;
            } | null;
            name: string;
            /** @description Text with {{variables}} */
            text: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              buttons: ({
                kind: string;
                text: string;
                url?: string;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              createdAt: string;
              id: number;
              media:
                | ({
                    type: string;
                    url: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              name: string;
              text: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/sends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a broadcast (instant after the grace window, delayed, or periodic)
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            audience:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: 'all';
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: 'tags';
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: 'selected';
                };
            /** @description The platforms (channels of the bot) to send on */
            channelIds: number[];
            content:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            timing?:
              | {
                  /** @enum {string} */
                  type: 'instant';
                }
              | {
                  /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                  at: string;
                  /** @enum {string} */
                  type: 'delayed';
                }
              | {
                  /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                  recurrence: unknown;
                  /** @enum {string} */
                  type: 'periodic';
                };
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              counts: {
                cancelled: number;
                failed: number;
                held: number;
                inFlight: number;
                queued: number;
                recipients: number;
                sent: number;
                unknown: number;
              };
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Who created it, as a person reads it (a member, an API key, a trigger, an external event) */
              createdByName: string;
              /** Format: date-time */
              deletedAt: string | null;
              /** @description Who deleted it (an actor id: member:<id>, api_key:<id>) */
              deletedBy: string | null;
              /** @description Who deleted it, as a person reads it */
              deletedByName: string | null;
              endOpenChats: boolean;
              /** Format: date-time */
              graceEndsAt: string | null;
              id: number;
              /** @description broadcast, external or trigger */
              kind: string;
              /** Format: date-time */
              nextRunAt: string | null;
              /** @description A resend: the run of that send it was resent from */
              parentRunId: number | null;
              /** @description A resend: the send it was resent from ("Resent from #N") */
              parentSendId: number | null;
              platforms: {
                channelId: number;
                platform: string;
              }[];
              /** @description A resend: the outcomes it was for (failed, unknown, outside_window, hold_expired) */
              resendOutcomes: string[] | null;
              /** @description Resends made from this send ("Resends: #M"), oldest first, at most 100 */
              resends: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                outcomes: string[];
                parentRunId: number | null;
              }[];
              /** @description Newest first, at most 100 */
              runs: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              }[];
              secondsUntilStart: number | null;
              sourceId: number | null;
              /** @description grace, scheduled, periodic, delivering, paused (a live run is paused: nothing new is sent until it is resumed), waiting_for_chats (everything left is held by open operator chats), completed, stopped or deleted */
              status: string;
              /** @description Who: the channels, the audience and its tags */
              targeting: {
                [key: string]: unknown;
              };
              /** @description When: instant, delayed (at) or periodic (recurrence) */
              timing: {
                /** @description instant, delayed or periodic */
                type: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/sends/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Audience preview: recipients per platform, and who is left out and why
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            audience:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: 'all';
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: 'tags';
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: 'selected';
                };
            channelIds: number[];
            content?:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            endOpenChats?: boolean;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              excluded: {
                blocked: number;
                exclusionTags: number;
                /** @description Left out by the bot's frequency cap (0 when the bot has none) */
                frequencyCapped: number;
                /** @description Active subscribers the audience matches who opted out of broadcasts */
                optedOut: number;
              };
              excludeTags: unknown[];
              includeTags: unknown[];
              openChats: {
                count: number;
                /** @description held or closed */
                willBe: string;
              };
              /** @description Left out by messaging windows, all platforms (per platform: platforms[].leftOut) */
              outsideWindow: number;
              platforms: {
                channelId: number;
                excluded: {
                  blocked: number;
                  exclusionTags: number;
                  /** @description Left out by the bot's frequency cap (0 when the bot has none) */
                  frequencyCapped: number;
                  /** @description Active subscribers the audience matches who opted out of broadcasts */
                  optedOut: number;
                };
                /** @description Left out before sending by the platform’s policy: not in `recipients`, never an error */
                leftOut: {
                  count: number;
                  /** @description The window, hours since the person’s last message (WhatsApp, Messenger, Instagram: 24) */
                  hours: number | null;
                  /** @description outside_window: has not written within the platform’s messaging window; marketing_stopped: stopped marketing messages (with a marketing template) */
                  reason: string | null;
                };
                openChats: {
                  count: number;
                  /** @description held or closed */
                  willBe: string;
                };
                platform: string;
                /** @description Reach and cost (issue 16): who gets it, who is left out and why, what the platform charges */
                reach: {
                  /** @description Where the platform bills per message (Telegram paid broadcasts); null where sending is free */
                  cost: {
                    /** @description Estimated charge: messages × pricePerMessage */
                    amount: number;
                    /** @description XTR: Telegram Stars */
                    currency: string;
                    messages: number;
                    /** @description API messages per recipient (from `content`; 1 without it) */
                    messagesPerRecipient: number;
                    /** @description Date of the default price (the platform may change it) */
                    priceAsOf: string;
                    pricePerMessage: number;
                    source: string;
                  } | null;
                  /** @description Recipients who get the message as written (the same as `recipients`) */
                  freeForm: number;
                  /** @description Everyone the audience matches who is not sent to, by reason (only reasons with someone) */
                  leftOut: {
                    count: number;
                    /** @description outside_window, blocked, opted_out, frequency_capped or exclusion_tags */
                    reason: string;
                    text: string;
                  }[];
                  /** @description Why people outside the platform’s messaging window are left out */
                  windowNote: string | null;
                };
                recipients: number;
                /** @description When the send carries a WhatsApp template (content.whatsappTemplate): who gets what on this channel */
                whatsappTemplate?: {
                  /** @description MARKETING, UTILITY or AUTHENTICATION (null: not in the channel’s list) */
                  category: string | null;
                  /** @description Inside the 24-hour window: the free-form message */
                  freeForm: number;
                  language: string;
                  /** @description Left out: stopped marketing messages, and the template is a marketing one */
                  marketingStopped: number;
                  name: string;
                  /** @description outside_window or everyone */
                  policy: string;
                  /** @description The template (outside the window, or everyone) */
                  template: number;
                };
              }[];
              recipients: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/sends/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test send: the content to one subscriber now, without creating a send in history
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            data?: {
              [key: string]: unknown;
            };
            subscriberId: number;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description What this platform cannot show as given, and what it shows instead */
              degradations: unknown[];
              missingVariables: string[];
              /** @description What the platform answered: ok, or the error class and text */
              outcome: {
                [key: string]: unknown;
              };
              platform: string;
              subscriberId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/subscribers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search subscribers (newest first; with q, exact matches first, then names starting with it)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          chatOpen?: boolean;
          cursor?: string;
          limit?: number;
          /** @description true: only those who opted out of broadcasts; false: only the others */
          optedOut?: boolean;
          platform?: string;
          /** @description name, username, platform user id or subscriber id; exact matches come first, then prefix matches */
          q?: string;
          status?: 'active' | 'blocked';
          tag?: string;
        };
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                botId: number;
                channelId: number;
                chatOpen: boolean;
                /** Format: date-time */
                firstMessageAt: string;
                id: number;
                language: string;
                /** Format: date-time */
                lastMessageAt: string;
                /** @description The data of the last external event call that reached this subscriber (null before any) */
                lastRequest: unknown;
                name: string;
                /**
                 * Format: date-time
                 * @description When they opted out of broadcasts (null = subscribed)
                 */
                optedOutAt: string | null;
                /** @description keyword, button (a "Not interested" button) or api */
                optOutSource: string | null;
                platform: string;
                platformUserId: string;
                /** @description active or blocked */
                status: string;
                tags: string[];
                /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
                timeZone: string | null;
                username: string;
              }[];
              /** @description Pass as cursor for the next page */
              nextCursor: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/subscribers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import subscribers who already wrote to the bot elsewhere (body = the file, content-type text/csv; columns platform_user_id, name, username, language, tags). All or nothing: a bad row answers 400 naming its line
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query: {
          /** @description Named in the error messages (file:line) */
          fileName?: string;
          /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
          platform: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
        };
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description New subscribers */
              created: number;
              /** @description Always empty in a 201: a bad row refuses the whole file with a 400 listing details.errors (first 50) and their line */
              errors: {
                line: number;
                reason: string;
              }[];
              fileName: string;
              /** @description csv, jsonl or json (decided from the first character of the file) */
              format: string;
              platform: string;
              /** @description Rows read (not counting the header and blank lines) */
              rows: number;
              /** @description Tag assignments added (a subscriber who already had the tag is not counted) */
              tagged: number;
              /** @description Subscribers already known: their profile is kept, they gain the tags of their row */
              updated: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/subscribers/tag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign (or remove) one tag on many subscribers at once
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            remove?: boolean;
            subscriberIds: number[];
            tag: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tags of a bot with how many subscribers have each ("in use" when at least one)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt?: string;
              id: number;
              inUse: boolean;
              name: string;
              subscribers: number;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a tag
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt?: string;
              id: number;
              inUse: boolean;
              name: string;
              subscribers: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/triggers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A bot's trigger events, in their order
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              id: number;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a trigger event (placed last in the order)
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description After `amount` `unit`, optionally at a time of day: "1 day at 19:00" fires at 19:00 the next day; "0 days at 19:00" today if still ahead, else tomorrow */
            delay: {
              /** @description How many units (0 only with a time of day) */
              amount: number;
              /** @description HH:mm in the bot time zone; days, weeks and months only */
              timeOfDay?: string | null;
              unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
            };
            enabled?: boolean;
            /** @description Close the subscriber’s open operator chat and send (otherwise held until the chat closes) */
            endOpenChats?: boolean;
            /** @description Fire again when the tag is assigned again (default: once per subscriber) */
            fireAgain?: boolean;
            name?: string;
            /** @description A tag of the bot: its name (a string) or its id (a number) */
            tag: unknown;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              cancelledFirings: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              firedFirings: number;
              id: number;
              /** Format: date-time */
              lastFiredAt: string | null;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bots/{botId}/triggers/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the order of the bot’s triggers (it decides which goes first when several fire at once for one subscriber)
     * @description Needs the editor role.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          botId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Every trigger id of the bot, first to last */
            ids: number[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              id: number;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A channel
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Telegram: sends as paid broadcasts (allow_paid_broadcast: up to 1000/s, paid in Stars per message); false elsewhere */
              allowPaidBroadcast: boolean;
              apiBaseUrl: string;
              botId: number;
              /** @description The circuit breaker (issue 17 point 10); null when it is off for this channel */
              circuitBreaker: {
                /** @description Runs on this channel pause themselves above this share of refused messages, in percent */
                percent: number;
                /** @description Over this many latest outcomes (also the smallest sample: nothing trips before) */
                window: number;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Names of the credentials stored (never their values) */
              credentialsSet: string[];
              id: number;
              /** @description webhook or polling */
              inbound: string;
              /** @description The webhook’s last request that checked out (signature, verify token or handshake) and the last one refused, with why; noted at most every 2 s. "Check connection" after a test event from the platform’s settings reads it */
              lastWebhook: {
                /** Format: date-time */
                refusedAt: string | null;
                refusedReason: string | null;
                /** Format: date-time */
                signedAt: string | null;
              };
              name: string;
              /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
              platform: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
              rateIsDefault: boolean;
              ratePerSecond: number;
              /** @description active, disabled, or a problem the platform reported */
              status: string;
              statusMessage: string;
              /** @description Where the platform posts updates (null for the sandbox) */
              webhookUrl: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Disconnect a channel
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a channel: name, rate limit, base URL, credentials, status, circuit breaker, webhook secret and confirmation string, paid broadcasts
     * @description A new `apiBaseUrl` (other than null, the platform’s own) needs the channel’s `credentials` again in the same request (400 `credentials_required` otherwise): stored credentials are never sent to a new address. Changes are written to the audit log.
     *
     *     Needs the admin role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Telegram only: send with allow_paid_broadcast — up to 1000 messages/s instead of about 30, for 0.1 Telegram Star per message from the bot’s balance; the default rate limit becomes 1000/s (a rate you set still applies) */
            allowPaidBroadcast?: boolean;
            /** @description Platform API base URL; null = the platform's own */
            apiBaseUrl?: string | null;
            /** @description The circuit breaker: runs on this channel pause themselves when more than `percent` % of the last `window` outcomes were refused (blocked or permanent errors); null turns it off. Default 20 % of 500. */
            circuitBreaker?: {
              /** @description Pause above this share of refused messages */
              percent?: number;
              /** @description Over this many latest outcomes (the smallest sample too) */
              window?: number;
            } | null;
            /** @description Platform credentials (fields depend on the platform); stored encrypted, never returned */
            credentials?: {
              [key: string]: string;
            };
            name?: string;
            /** @description Messages per second; null = the platform default */
            ratePerSecond?: number | null;
            status?: 'active' | 'disabled';
            /** @description The string the platform’s handshake wants back (VK Callback API confirmation string) */
            webhookConfirmation?: string;
            /** @description The secret the platform sends with every event, where a person sets the webhook up (VK: the secret key) */
            webhookSecret?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Telegram: sends as paid broadcasts (allow_paid_broadcast: up to 1000/s, paid in Stars per message); false elsewhere */
              allowPaidBroadcast: boolean;
              apiBaseUrl: string;
              botId: number;
              /** @description The circuit breaker (issue 17 point 10); null when it is off for this channel */
              circuitBreaker: {
                /** @description Runs on this channel pause themselves above this share of refused messages, in percent */
                percent: number;
                /** @description Over this many latest outcomes (also the smallest sample: nothing trips before) */
                window: number;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Names of the credentials stored (never their values) */
              credentialsSet: string[];
              id: number;
              /** @description webhook or polling */
              inbound: string;
              /** @description The webhook’s last request that checked out (signature, verify token or handshake) and the last one refused, with why; noted at most every 2 s. "Check connection" after a test event from the platform’s settings reads it */
              lastWebhook: {
                /** Format: date-time */
                refusedAt: string | null;
                refusedReason: string | null;
                /** Format: date-time */
                signedAt: string | null;
              };
              name: string;
              /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
              platform: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
              rateIsDefault: boolean;
              ratePerSecond: number;
              /** @description active, disabled, or a problem the platform reported */
              status: string;
              statusMessage: string;
              /** @description Where the platform posts updates (null for the sandbox) */
              webhookUrl: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/channels/{id}/sandbox/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What sandbox users wrote and what the bot sent them (newest first)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          userId?: string;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The message */
              body: unknown;
              /** Format: date-time */
              createdAt: string;
              /** @description in (the user wrote) or out (the bot sent) */
              direction: string;
              id: number;
              userId: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/sandbox/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A sandbox user writes to the bot (creates or refreshes the subscriber, like an inbound message)
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            language?: string;
            name?: string;
            text: string;
            userId: string;
            username?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              chatsClosed: number;
              subscriberId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/sandbox/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The behaviours set on sandbox users of the channel (by user id), so the panel shows them after a reload
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              behaviour: string;
              userId: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/sandbox/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Make a sandbox user behave like a real person: normal, blocked (blocked the bot), gone (deleted account), flaky (temporary failures)
     * @description Needs the editor role.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            behaviour: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              behaviour: string;
              userId: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/selected-users/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import selected users from a CSV file (UTF-8, one column of user ids; body = the file, content-type text/csv)
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: {
          fileName?: string;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              blocked: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              channelId: number;
              duplicates: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              firstRow: {
                line: number;
                /** @description id or title */
                treatedAs: string;
                value: string;
              } | null;
              importId: number;
              malformed: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              matched: number;
              platform: string;
              reportUrl: string;
              rows: number;
              unknown: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/webhook-setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What to paste into the platform’s settings: the webhook URL, the secret and the steps
     * @description Admins only: the secret lets its holder post events as the platform. For platforms that register their webhook themselves `manual` is false and `secret` null.
     *
     *     Needs the admin role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              confirmationLabel: string | null;
              /** @description The confirmation string the platform’s handshake wants back is stored */
              confirmationSet: boolean;
              /** @description The webhook is set up by a person in the platform’s own settings (VK Callback API) */
              manual: boolean;
              /** @description The secret to paste into the platform’s settings (only where a person sets it up) */
              secret: string | null;
              secretLabel: string | null;
              /** @description What to do in the platform’s settings, in order */
              steps: string[];
              /** @description Where the platform posts updates */
              webhookUrl: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/whatsapp-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A WhatsApp channel’s message templates, as last read from WhatsApp
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: number;
              /** @description Why the last refresh failed (the list shown is the one before) */
              error: string | null;
              /** @description When the list was last asked of WhatsApp (null: never) */
              refreshedAt: string | null;
              templates: {
                /** @description How many {{n}} variables the body has: the mapping must fill each */
                bodyParameters: number;
                /** @description MARKETING, UTILITY or AUTHENTICATION */
                category: string;
                /** @description HEADER / BODY / FOOTER / BUTTONS as WhatsApp lists them */
                components: unknown[];
                /** @description TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION; null without a header */
                headerFormat: string | null;
                language: string;
                name: string;
                /** @description APPROVED, PENDING, REJECTED, PAUSED or DISABLED: only approved ones can be sent */
                status: string;
              }[];
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/whatsapp-templates/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Read the channel’s message templates from WhatsApp now (also done daily)
     * @description Needs the channel’s `businessAccountId` credential. When WhatsApp cannot be asked, `error` says why and the list stays as it was.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: number;
              /** @description Why the last refresh failed (the list shown is the one before) */
              error: string | null;
              /** @description When the list was last asked of WhatsApp (null: never) */
              refreshedAt: string | null;
              templates: {
                /** @description How many {{n}} variables the body has: the mapping must fill each */
                bodyParameters: number;
                /** @description MARKETING, UTILITY or AUTHENTICATION */
                category: string;
                /** @description HEADER / BODY / FOOTER / BUTTONS as WhatsApp lists them */
                components: unknown[];
                /** @description TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION; null without a header */
                headerFormat: string | null;
                language: string;
                name: string;
                /** @description APPROVED, PENDING, REJECTED, PAUSED or DISABLED: only approved ones can be sent */
                status: string;
              }[];
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A draft
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description The send form as saved */
              form: {
                [key: string]: unknown;
              };
              id: number;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a draft
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit a draft
     * @description Needs the editor role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            form?: {
              audience?:
                | {
                    exclude?: (string | number)[];
                    /** @enum {string} */
                    type: 'all';
                  }
                | {
                    exclude?: (string | number)[];
                    include: (string | number)[];
                    /** @enum {string} */
                    type: 'tags';
                  }
                | {
                    importId?: number;
                    subscriberIds?: number[];
                    /** @enum {string} */
                    type: 'selected';
                  };
              /** @description The platforms (channels of the bot) to send on */
              channelIds?: number[];
              content?:
                | {
                    buttons?: {
                      /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                      kind: 'url' | 'reply' | 'opt_out';
                      text: string;
                      url?: string;
                    }[];
                    media?: {
                      type: 'image' | 'file';
                      url: string;
                    } | null;
                    text: string;
                    /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                    trackClicks?: boolean;
                    /** @enum {string} */
                    type: 'text';
                    /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                    whatsappTemplate?: {
                      /** @description The template’s image header shows the message’s image */
                      headerImage?: boolean;
                      /** @description Its language code, e.g. en_US */
                      language: string;
                      /** @description An approved template of the WhatsApp channel */
                      name: string;
                      /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                      policy?: 'outside_window' | 'everyone';
                      /** @description The body variables in order: the first fills {{1}} */
                      variables: {
                        /** @description Used when the value comes out empty: never blank */
                        fallback: string;
                        /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                        value: string;
                      }[];
                    };
                  }
                | {
                    screenId: number;
                    /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                    trackClicks?: boolean;
                    /** @enum {string} */
                    type: 'screen';
                    /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                    whatsappTemplate?: {
                      /** @description The template’s image header shows the message’s image */
                      headerImage?: boolean;
                      /** @description Its language code, e.g. en_US */
                      language: string;
                      /** @description An approved template of the WhatsApp channel */
                      name: string;
                      /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                      policy?: 'outside_window' | 'everyone';
                      /** @description The body variables in order: the first fills {{1}} */
                      variables: {
                        /** @description Used when the value comes out empty: never blank */
                        fallback: string;
                        /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                        value: string;
                      }[];
                    };
                  };
              /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
              endOpenChats?: boolean;
              timing?:
                | {
                    /** @enum {string} */
                    type: 'instant';
                  }
                | {
                    /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                    at: string;
                    /** @enum {string} */
                    type: 'delayed';
                  }
                | {
                    /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                    recurrence: unknown;
                    /** @enum {string} */
                    type: 'periodic';
                  };
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description The send form as saved */
              form: {
                [key: string]: unknown;
              };
              id: number;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/drafts/{id}/duplicate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Duplicate a draft
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description The send form as saved */
              form: {
                [key: string]: unknown;
              };
              id: number;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{id}/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a draft (with optional edits); the draft stays for reuse
     * @description With saveEdits=true the edits are saved into the draft as well, once the broadcast is made.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: {
          /** @description Save the edits into the draft too */
          saveEdits?: boolean;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            audience?:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: 'all';
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: 'tags';
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: 'selected';
                };
            /** @description The platforms (channels of the bot) to send on */
            channelIds?: number[];
            content?:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            timing?:
              | {
                  /** @enum {string} */
                  type: 'instant';
                }
              | {
                  /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                  at: string;
                  /** @enum {string} */
                  type: 'delayed';
                }
              | {
                  /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                  recurrence: unknown;
                  /** @enum {string} */
                  type: 'periodic';
                };
          } | null;
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              counts: {
                cancelled: number;
                failed: number;
                held: number;
                inFlight: number;
                queued: number;
                recipients: number;
                sent: number;
                unknown: number;
              };
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Who created it, as a person reads it (a member, an API key, a trigger, an external event) */
              createdByName: string;
              /** Format: date-time */
              deletedAt: string | null;
              /** @description Who deleted it (an actor id: member:<id>, api_key:<id>) */
              deletedBy: string | null;
              /** @description Who deleted it, as a person reads it */
              deletedByName: string | null;
              endOpenChats: boolean;
              /** Format: date-time */
              graceEndsAt: string | null;
              id: number;
              /** @description broadcast, external or trigger */
              kind: string;
              /** Format: date-time */
              nextRunAt: string | null;
              /** @description A resend: the run of that send it was resent from */
              parentRunId: number | null;
              /** @description A resend: the send it was resent from ("Resent from #N") */
              parentSendId: number | null;
              platforms: {
                channelId: number;
                platform: string;
              }[];
              /** @description A resend: the outcomes it was for (failed, unknown, outside_window, hold_expired) */
              resendOutcomes: string[] | null;
              /** @description Resends made from this send ("Resends: #M"), oldest first, at most 100 */
              resends: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                outcomes: string[];
                parentRunId: number | null;
              }[];
              /** @description Newest first, at most 100 */
              runs: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              }[];
              secondsUntilStart: number | null;
              sourceId: number | null;
              /** @description grace, scheduled, periodic, delivering, paused (a live run is paused: nothing new is sent until it is resumed), waiting_for_chats (everything left is held by open operator chats), completed, stopped or deleted */
              status: string;
              /** @description Who: the channels, the audience and its tags */
              targeting: {
                [key: string]: unknown;
              };
              /** @description When: instant, delayed (at) or periodic (recurrence) */
              timing: {
                /** @description instant, delayed or periodic */
                type: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/external-events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An external event with its webhook URL
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              calls: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              endOpenChats: boolean;
              id: number;
              /** @description Transactional: also reaches subscribers who opted out of broadcasts */
              ignoreOptOut: boolean;
              /** Format: date-time */
              lastCalledAt: string | null;
              name: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              updatedAt: string;
              /** @description The secret webhook URL (null when it cannot be read: rotate the secret) */
              url: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete an external event (its URL stops working; its sends stay in history)
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change the name, content or End open chats of an external event (its URL stays)
     * @description Needs the editor role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content?:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            /** @description Transactional messages (an order, a password): reach subscribers who opted out of broadcasts too (default false) */
            ignoreOptOut?: boolean;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              calls: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              endOpenChats: boolean;
              id: number;
              /** @description Transactional: also reaches subscribers who opted out of broadcasts */
              ignoreOptOut: boolean;
              /** Format: date-time */
              lastCalledAt: string | null;
              name: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              updatedAt: string;
              /** @description The secret webhook URL (null when it cannot be read: rotate the secret) */
              url: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/external-events/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give the event a new secret URL; the old one answers 404 from now on
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              calls: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              endOpenChats: boolean;
              id: number;
              /** @description Transactional: also reaches subscribers who opted out of broadcasts */
              ignoreOptOut: boolean;
              /** Format: date-time */
              lastCalledAt: string | null;
              name: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              updatedAt: string;
              /** @description The secret webhook URL (null when it cannot be read: rotate the secret) */
              url: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Broadcasting history: active, scheduled, periodic or completed; filter by kinds (none = all) and search by send id
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query: {
          botId?: number;
          cursor?: string;
          /** @description broadcast, external, trigger (repeat or comma-separate; none = all) */
          kinds?: string[];
          limit?: number;
          /** @description a send id */
          q?: string;
          /** @description active | scheduled | periodic | completed | deleted */
          section: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                botId: number;
                contentSummary: string;
                counts: {
                  cancelled: number;
                  failed: number;
                  held: number;
                  inFlight: number;
                  queued: number;
                  recipients: number;
                  sent: number;
                  unknown: number;
                };
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                createdByName: string;
                /** Format: date-time */
                deletedAt: string | null;
                /** @description Who deleted it, as a person reads it */
                deletedBy: string | null;
                endOpenChats: boolean;
                errors: number;
                excludeTags: unknown[];
                /** Format: date-time */
                finishedAt: string | null;
                graceSecondsLeft: number | null;
                /**
                 * Format: date-time
                 * @description waiting_for_chats: when the first hold expires
                 */
                holdsExpireAt: string | null;
                id: number;
                kind: string;
                /** Format: date-time */
                nextRunAt: string | null;
                /**
                 * Format: date-time
                 * @description Completed: a trigger's day run with nothing left to send, open for that day's later firings until then
                 */
                openUntil: string | null;
                /** @description Active only: grace, delivering, paused (by a person: POST /api/sends/{id}/resume goes on), or waiting_for_chats (nothing left to send but recipients held by open operator chats) */
                phase: string | null;
                /** Format: date-time */
                plannedAt: string | null;
                platforms: {
                  channelId: number;
                  platform: string;
                }[];
                /** @description Delivered and read as % of sent on the platforms that report them; null: not reported */
                receipts: {
                  deliveredPercent: number | null;
                  readPercent: number | null;
                };
                runId: number | null;
                /** @description Completed: messages sent over the run, 24 points from its first to its last 10 seconds (the row’s sparkline); null: none sent */
                spark: number[] | null;
                /** Format: date-time */
                startedAt: string | null;
                state: string | null;
                tags: unknown[];
                /** @description When: instant, delayed (at) or periodic (recurrence) */
                timing: {
                  /** @description instant, delayed or periodic */
                  type: string;
                } & {
                  [key: string]: unknown;
                };
                viewErrorsUrl: string | null;
              }[];
              kinds: string[];
              nextCursor: string | null;
              section: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/log-entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Logs page: the log of every send and run, newest first; filter by kinds, a send id, runs with errors
     * @description One entry per run (each periodic occurrence, each trigger day) and one per send that never ran. Each entry names its log (logUrl: GET /api/sends/{id}/log?runId=).
     *
     *     Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          botId?: number;
          cursor?: string;
          /** @description Only runs with errors (failed or unknown deliveries) */
          errors?: boolean;
          /** @description broadcast, external, trigger (repeat or comma-separate; none = all) */
          kinds?: string[];
          limit?: number;
          /** @description a send id */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Only runs with errors were listed */
              errors: boolean;
              /** @description Newest first */
              items: {
                /**
                 * Format: date-time
                 * @description When the entry happened: the run's planned time, or the send's creation
                 */
                at: string;
                botId: number;
                contentSummary: string;
                counts: {
                  cancelled: number;
                  failed: number;
                  held: number;
                  inFlight: number;
                  queued: number;
                  recipients: number;
                  sent: number;
                  unknown: number;
                } | null;
                /** Format: date-time */
                createdAt: string;
                createdByName: string;
                /** Format: date-time */
                deletedAt: string | null;
                /** @description Failed and unknown deliveries of the run */
                errors: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description broadcast, external or trigger */
                kind: string;
                /** @description The log (GET /api/sends/{id}/log with this run) */
                logUrl: string;
                /** @description A resend: the send it was resent from */
                parentSendId: number | null;
                /** Format: date-time */
                plannedAt: string | null;
                platforms: {
                  channelId: number;
                  platform: string;
                }[];
                /** @description The run whose log this is; null for a send that never ran */
                runId: number | null;
                sendId: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description The run's state (pending, materialising, delivering, completed, stopped); not_started or deleted for a send that never ran */
                state: string;
                viewErrorsUrl: string | null;
              }[];
              kinds: string[];
              /** @description Pass as cursor for the next page */
              nextCursor: string | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find a log by send id
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query: {
          cursor?: string;
          errorsOnly?: boolean;
          limit?: number;
          runId?: number;
          sendId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The audience events of the run: who was included and left out */
              audience: unknown[];
              deliveries: {
                items: {
                  /** Format: date-time */
                  at: string;
                  attempts: number;
                  /**
                   * Format: date-time
                   * @description When the platform reported it delivered (null: not reported or not yet)
                   */
                  deliveredAt: string | null;
                  errorClass: string | null;
                  errorCode: string | null;
                  errorText: string | null;
                  id: number;
                  platform: string;
                  platformMessageId: string | null;
                  /**
                   * Format: date-time
                   * @description When the platform reported it read (null: not reported or not yet)
                   */
                  readAt: string | null;
                  recipient: string;
                  runId: number;
                  state: string;
                  subscriberId: number;
                }[];
                /** @description Pass as cursor for the next page */
                nextCursor: string | null;
              };
              events: {
                /** Format: date-time */
                at: string;
                /** @description Details of the event */
                data: unknown;
                /** @description 0 for the send_deleted line, which belongs to the send rather than a run */
                id: number;
                message: string;
                type: string;
              }[];
              run: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              } | null;
              runs: {
                /** Format: date-time */
                finishedAt: string | null;
                id: number;
                /** Format: date-time */
                plannedAt: string;
                /** Format: date-time */
                startedAt: string | null;
                state: string;
              }[];
              send: {
                contentSummary: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                createdByName: string;
                /** Format: date-time */
                deletedAt: string | null;
                /** @description Who deleted it, as a person reads it */
                deletedBy: string | null;
                endOpenChats: boolean;
                excludeTags: unknown[];
                id: number;
                kind: string;
                platforms: {
                  channelId: number;
                  platform: string;
                }[];
                status: string;
                tags: unknown[];
                /** @description When: instant, delayed (at) or periodic (recurrence) */
                timing: {
                  /** @description instant, delayed or periodic */
                  type: string;
                } & {
                  [key: string]: unknown;
                };
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calling member or API key and its workspace
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              apiKeyId: number | null;
              memberId: number | null;
              /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
              settings: {
                /** @description Grace window of instant broadcasts (BOTCAST_GRACE_SECONDS) */
                graceSeconds: number;
              };
              workspace: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                name: string;
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of the workspace
     * @description Needs the admin role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              email: string;
              id: number;
              name: string;
              /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a member who can log into the panel
     * @description Botcast sends no e-mail: the caller chooses the first password and hands it to the new member. The role (default viewer) cannot be above the caller’s.
     *
     *     Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            name?: string;
            /** @description 10 to 1024 characters, not only spaces */
            password: string;
            /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
            role?: 'viewer' | 'editor' | 'admin' | 'owner';
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              email: string;
              id: number;
              name: string;
              /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
              role: 'viewer' | 'editor' | 'admin' | 'owner';
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member and end their sessions (never the last owner)
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a member’s role (409 `last_owner` if the workspace would have no owner left)
     * @description Needs the admin role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
            role: 'viewer' | 'editor' | 'admin' | 'owner';
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/members/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Log a member out everywhere
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description How many sessions ended */
              revoked: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/platforms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The platforms a channel can connect to: names, default send rates and the credentials each needs
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description tg Telegram, wa WhatsApp, viber Viber, vk VK, fb Facebook Messenger, instagram Instagram, ok Odnoklassniki, sandbox Sandbox */
              code: 'tg' | 'wa' | 'viber' | 'vk' | 'fb' | 'instagram' | 'ok' | 'sandbox';
              /** @description The platform’s brand colour (CSS) */
              color: string;
              /** @description Every credential field, required ones in the order a form shows them */
              credentials: {
                /** @description Where to find the value */
                hint?: string;
                /** @description Key in the channel’s `credentials` object */
                key: string;
                label: string;
                /** @description Not required to connect */
                optional?: boolean;
                /** @description A secret: the panel types it into a password field */
                secret?: boolean;
              }[];
              /** @description A channel’s send rate unless it sets its own, messages per second */
              defaultRatePerSecond: number;
              displayName: string;
              /** @description What to do with a channel’s webhook URL */
              webhookHint: string;
              /** @description Present when a person sets the webhook up in the platform’s own settings: the channel’s URL and secret come from GET /api/channels/{id}/webhook-setup, and both the secret and the confirmation string can be set with PATCH /api/channels/{id} */
              webhookSetup?: {
                /** @description What the platform calls the string its handshake wants back */
                confirmationLabel?: string;
                /** @description What the platform calls the secret Botcast expects */
                secretLabel: string;
                /** @description The rule a secret set through the API must follow (a regular expression) */
                secretPattern: string;
                /** @description What to do in the platform’s settings, in order */
                steps: string[];
              };
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/screens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A screen
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              buttons: ({
                kind: string;
                text: string;
                url?: string;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              createdAt: string;
              id: number;
              media:
                | ({
                    type: string;
                    url: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              name: string;
              text: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a screen
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a screen
     * @description Needs the editor role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            buttons?: {
              /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
              kind: 'url' | 'reply' | 'opt_out';
              text: string;
              url?: string;
            }[];
            media?: {
              type: 'image' | 'file';
              url: string;
            } | null;
            name?: string;
            /** @description Text with {{variables}} */
            text?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              buttons: ({
                kind: string;
                text: string;
                url?: string;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              createdAt: string;
              id: number;
              media:
                | ({
                    type: string;
                    url: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              name: string;
              text: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/selected-user-imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The result of a selected-users import
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              blocked: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              channelId: number;
              duplicates: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              firstRow: {
                line: number;
                /** @description id or title */
                treatedAs: string;
                value: string;
              } | null;
              importId: number;
              malformed: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
              matched: number;
              platform: string;
              reportUrl: string;
              rows: number;
              unknown: {
                count: number;
                sample: {
                  kind: string;
                  line: number;
                  reason: string;
                  value: string;
                }[];
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/selected-user-imports/{id}/report.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Unknown, blocked, malformed and duplicate ids of an import, as CSV
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description The problems of the import, one per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A send with its runs and counters
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              counts: {
                cancelled: number;
                failed: number;
                held: number;
                inFlight: number;
                queued: number;
                recipients: number;
                sent: number;
                unknown: number;
              };
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Who created it, as a person reads it (a member, an API key, a trigger, an external event) */
              createdByName: string;
              /** Format: date-time */
              deletedAt: string | null;
              /** @description Who deleted it (an actor id: member:<id>, api_key:<id>) */
              deletedBy: string | null;
              /** @description Who deleted it, as a person reads it */
              deletedByName: string | null;
              endOpenChats: boolean;
              /** Format: date-time */
              graceEndsAt: string | null;
              id: number;
              /** @description broadcast, external or trigger */
              kind: string;
              /** Format: date-time */
              nextRunAt: string | null;
              /** @description A resend: the run of that send it was resent from */
              parentRunId: number | null;
              /** @description A resend: the send it was resent from ("Resent from #N") */
              parentSendId: number | null;
              platforms: {
                channelId: number;
                platform: string;
              }[];
              /** @description A resend: the outcomes it was for (failed, unknown, outside_window, hold_expired) */
              resendOutcomes: string[] | null;
              /** @description Resends made from this send ("Resends: #M"), oldest first, at most 100 */
              resends: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                outcomes: string[];
                parentRunId: number | null;
              }[];
              /** @description Newest first, at most 100 */
              runs: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              }[];
              secondsUntilStart: number | null;
              sourceId: number | null;
              /** @description grace, scheduled, periodic, delivering, paused (a live run is paused: nothing new is sent until it is resumed), waiting_for_chats (everything left is held by open operator chats), completed, stopped or deleted */
              status: string;
              /** @description Who: the channels, the audience and its tags */
              targeting: {
                [key: string]: unknown;
              };
              /** @description When: instant, delayed (at) or periodic (recurrence) */
              timing: {
                /** @description instant, delayed or periodic */
                type: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a send that has not started (instant in its grace window, delayed) or a periodic one (stops future runs)
     * @description A periodic broadcast with a delivering run needs `running`: `continue` (the run goes on and stays in Active) or `stop` (what it has not sent yet is cancelled); without it, 400 choice_needed. Finished runs and their logs stay as they are.
     *
     *     Needs the editor role.
     */
    delete: {
      parameters: {
        query?: {
          /** @description continue | stop */
          running?: 'continue' | 'stop';
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Delivering runs that go on (running=continue) */
              continuingRuns: number;
              deleted: boolean;
              id: number;
              /** @description Delivering runs stopped (running=stop) */
              stoppedRuns: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/holds/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recipients held for open operator chats: release them now (sent although the chat is open) or cancel them
     * @description For a send waiting for operator chats (status waiting_for_chats), or one still delivering. Leaving them is doing nothing: each is sent when its chat closes, or fails as hold_expired when the hold expires. 409 nothing_held when nobody is held.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          action: 'release' | 'cancel';
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description release or cancel */
              action: string;
              /** @description Held recipients released or cancelled */
              deliveries: number;
              id: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A send's log: events of the run and every recipient's outcome (errorsOnly for View errors)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          errorsOnly?: boolean;
          limit?: number;
          runId?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The audience events of the run: who was included and left out */
              audience: unknown[];
              deliveries: {
                items: {
                  /** Format: date-time */
                  at: string;
                  attempts: number;
                  /**
                   * Format: date-time
                   * @description When the platform reported it delivered (null: not reported or not yet)
                   */
                  deliveredAt: string | null;
                  errorClass: string | null;
                  errorCode: string | null;
                  errorText: string | null;
                  id: number;
                  platform: string;
                  platformMessageId: string | null;
                  /**
                   * Format: date-time
                   * @description When the platform reported it read (null: not reported or not yet)
                   */
                  readAt: string | null;
                  recipient: string;
                  runId: number;
                  state: string;
                  subscriberId: number;
                }[];
                /** @description Pass as cursor for the next page */
                nextCursor: string | null;
              };
              events: {
                /** Format: date-time */
                at: string;
                /** @description Details of the event */
                data: unknown;
                /** @description 0 for the send_deleted line, which belongs to the send rather than a run */
                id: number;
                message: string;
                type: string;
              }[];
              run: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              } | null;
              runs: {
                /** Format: date-time */
                finishedAt: string | null;
                id: number;
                /** Format: date-time */
                plannedAt: string;
                /** Format: date-time */
                startedAt: string | null;
                state: string;
              }[];
              send: {
                contentSummary: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                createdByName: string;
                /** Format: date-time */
                deletedAt: string | null;
                /** @description Who deleted it, as a person reads it */
                deletedBy: string | null;
                endOpenChats: boolean;
                excludeTags: unknown[];
                id: number;
                kind: string;
                platforms: {
                  channelId: number;
                  platform: string;
                }[];
                status: string;
                tags: unknown[];
                /** @description When: instant, delayed (at) or periodic (recurrence) */
                timing: {
                  /** @description instant, delayed or periodic */
                  type: string;
                } & {
                  [key: string]: unknown;
                };
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/log.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The log as CSV (UTF-8 with BOM, streamed, safe against formula injection)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          errorsOnly?: boolean;
          runId?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description The log, one line per event and delivery */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a delivering send: queued deliveries wait, those in flight finish
     * @description Pause, then resume: nobody gets it twice, nobody is skipped, across worker restarts (the pause is kept in the database). Both are written in the log. 409 not_delivering (no live run), already_paused, not_paused.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description pause or resume */
              action: string;
              id: number;
              /** @description Whether the send is paused now */
              paused: boolean;
              /** @description Live runs paused or resumed */
              runs: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live counts and current rate of a send
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Per tracked link button (content.trackClicks); null when the send does not track clicks */
              clicks:
                | {
                    button: number;
                    text: string;
                    /** @description All clicks */
                    total: number;
                    /** @description People who clicked it at least once */
                    unique: number;
                    url: string;
                  }[]
                | null;
              counts: {
                cancelled: number;
                failed: number;
                held: number;
                inFlight: number;
                queued: number;
                recipients: number;
                sent: number;
                unknown: number;
              };
              done: boolean;
              failedPerSecond: number;
              /** @description sent → delivered → read → clicked per platform (delivery receipts, tracked links) */
              funnel: {
                /** @description People who clicked a tracked link button; null when the send does not track clicks */
                clicked: number | null;
                delivered: number | null;
                platform: string;
                read: number | null;
                sent: number;
              }[];
              id: number;
              ratePerSecond: number;
              status: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/progress/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live progress as Server-Sent Events (one event a second until the send is done)
     * @description Ends with an `error` event when the API key is revoked or the session ends (checked every BOTCAST_STREAM_RECHECK_MS). One API key or member may hold BOTCAST_STREAMS_PER_KEY streams at once (429 too_many_streams beyond).
     *
     *     Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Server-Sent Events: each data line is the progress JSON (as GET /api/sends/{id}/progress) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/rate-series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Delivery rate over time (10-second buckets of sent and failed) for the chart
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          runId?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bucketSeconds: number;
              id: number;
              points: {
                /** Format: date-time */
                at: string;
                failed: number;
                sent: number;
              }[];
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/recall': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recall a delivered broadcast from the recipients’ chats, or edit its text, where the platform allows it
     * @description A paced job over every delivered message of the send, by its platform message id: Telegram deletes (deleteMessage) and edits (editMessageText) within 48 hours of sending, VK deletes for everyone (messages.delete, delete_for_all) within 24 hours. Other platforms cannot: their messages are counted in `unsupported`, and when nothing is possible the answer is 409 recall_not_possible saying why. Only a text message can be edited (400 edit_text_only). One job at a time per send (409 recall_running). Progress: GET /api/sends/{id}/recalls; the log says when it started and finished.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            action: 'delete' | 'edit';
            /** @description The new text (edit only) */
            text?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              action: string;
              id: number;
              /** @description Delivered messages the job will delete or edit */
              messages: number;
              sendId: number;
              state: string;
              tooOld: number;
              unsupported: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/recalls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The recall and edit jobs of a send, newest first, with their progress
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description delete (from the recipients’ chats, for everyone) or edit (the text) */
                action: string;
                counts: {
                  done: number;
                  /** @description The platform refused (the reason is in the log) */
                  failed: number;
                  /** @description Delivered messages the job touches */
                  messages: number;
                  pending: number;
                };
                /** Format: date-time */
                createdAt: string;
                createdByName: string;
                /** Format: date-time */
                finishedAt: string | null;
                id: number;
                /** @description running or completed */
                state: string;
                /** @description The new text of an edit */
                text: string | null;
                /** @description Delivered longer ago than the platform allows: left as they are */
                tooOld: number;
                /** @description On platforms that cannot do it (Viber and others): left as they are */
                unsupported: number;
              }[];
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What a resend of a run would reach: its recipients per outcome (failed, unknown, outside_window, hold_expired)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          runId?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The content the run sent (the resend is prefilled with it) */
              content: unknown;
              /** @description Recipients of the run per outcome a resend can go to */
              counts: {
                failed: number;
                hold_expired: number;
                outside_window: number;
                unknown: number;
              };
              /** @description Only a finished run (completed or stopped) can be resent */
              finished: boolean;
              runId: number;
              sendId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Resend a finished run to its recipients with the chosen outcomes: a new broadcast linked to it
     * @description The audience is the recipients of the run (runId, else the newest) whose outcome is one of `outcomes` now, kept as a snapshot (like selected users); subscribers who blocked the bot or opted out since are left out when it starts. It is an instant broadcast (grace window first) with the run’s content, or `content` when given. Including `unknown` needs acknowledgeUnknown=true, since some of them did receive the message (400 unknown_needs_acknowledgement). 409 run_not_finished while the run delivers, not_run for a send that never ran; 400 no_recipients when nobody matches.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required (true) with `unknown`: some of them did receive the message and would get it twice */
            acknowledgeUnknown?: boolean;
            content?:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            outcomes: ('failed' | 'unknown' | 'outside_window' | 'hold_expired')[];
            runId?: number;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              counts: {
                cancelled: number;
                failed: number;
                held: number;
                inFlight: number;
                queued: number;
                recipients: number;
                sent: number;
                unknown: number;
              };
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Who created it, as a person reads it (a member, an API key, a trigger, an external event) */
              createdByName: string;
              /** Format: date-time */
              deletedAt: string | null;
              /** @description Who deleted it (an actor id: member:<id>, api_key:<id>) */
              deletedBy: string | null;
              /** @description Who deleted it, as a person reads it */
              deletedByName: string | null;
              endOpenChats: boolean;
              /** Format: date-time */
              graceEndsAt: string | null;
              id: number;
              /** @description broadcast, external or trigger */
              kind: string;
              /** Format: date-time */
              nextRunAt: string | null;
              /** @description A resend: the run of that send it was resent from */
              parentRunId: number | null;
              /** @description A resend: the send it was resent from ("Resent from #N") */
              parentSendId: number | null;
              platforms: {
                channelId: number;
                platform: string;
              }[];
              /** @description A resend: the outcomes it was for (failed, unknown, outside_window, hold_expired) */
              resendOutcomes: string[] | null;
              /** @description Resends made from this send ("Resends: #M"), oldest first, at most 100 */
              resends: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                outcomes: string[];
                parentRunId: number | null;
              }[];
              /** @description Newest first, at most 100 */
              runs: {
                cancelled: number;
                failed: number;
                /** Format: date-time */
                finishedAt: string | null;
                /** @description Left out by the bot's frequency cap */
                frequencyCapped?: number;
                held: number;
                id: number;
                inFlight: number;
                /**
                 * Format: date-time
                 * @description A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)
                 */
                openUntil: string | null;
                /**
                 * Format: date-time
                 * @description A live run paused (POST /api/sends/{id}/pause): since when; null when not paused
                 */
                pausedAt: string | null;
                /** @description Who paused it, as a person reads it */
                pausedByName: string | null;
                /** @description Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made */
                pauseReason: string | null;
                /** Format: date-time */
                plannedAt: string;
                queued: number;
                recipients: number;
                sent: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description pending, materialising, delivering, completed or stopped */
                state: string;
                unknown: number;
                /** @description Recipients who opted out within 24 hours after it reached them */
                unsubscribes?: number;
              }[];
              secondsUntilStart: number | null;
              sourceId: number | null;
              /** @description grace, scheduled, periodic, delivering, paused (a live run is paused: nothing new is sent until it is resumed), waiting_for_chats (everything left is held by open operator chats), completed, stopped or deleted */
              status: string;
              /** @description Who: the channels, the audience and its tags */
              targeting: {
                [key: string]: unknown;
              };
              /** @description When: instant, delayed (at) or periodic (recurrence) */
              timing: {
                /** @description instant, delayed or periodic */
                type: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused send: it goes on exactly where it stopped
     * @description Pause, then resume: nobody gets it twice, nobody is skipped, across worker restarts (the pause is kept in the database). Both are written in the log. 409 not_delivering (no live run), already_paused, not_paused.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description pause or resume */
              action: string;
              id: number;
              /** @description Whether the send is paused now */
              paused: boolean;
              /** @description Live runs paused or resumed */
              runs: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sends/{id}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a delivering send: what was not sent yet is cancelled
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancelled: number;
              id: number;
              stoppedRuns: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calling member’s panel sessions, newest first (none for an API key)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** @description The session of this request */
              current: boolean;
              /** Format: date-time */
              expiresAt: string;
              id: number;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * End one of the calling member’s sessions
     * @description Needs the viewer role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sessions/revoke-others': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End every session of the calling member but this one
     * @description Needs the viewer role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description How many sessions ended */
              revoked: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a workspace with its first member; answers with an API key (shown once)
     * @description An e-mail that already has an account gets the same answer but nothing is created (its key does not work): the answer does not tell whether an e-mail is known.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            name?: string;
            /** @description 10 to 1024 characters, not only spaces */
            password: string;
            workspaceName: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              apiKey: {
                /** Format: date-time */
                createdAt: string;
                id: number;
                /** @description The key itself; shown in this answer only */
                key: string;
                name: string;
                prefix: string;
                /** @description viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners */
                role: 'viewer' | 'editor' | 'admin' | 'owner';
              };
              memberId: number;
              workspaceId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status-webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Status webhook endpoints of the workspace (never their secrets)
     * @description Needs the admin role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Failed tries of the batch waiting to go */
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              description: string;
              enabled: boolean;
              events: string[];
              /** Format: date-time */
              failingSince: string | null;
              id: number;
              /** Format: date-time */
              lastSuccessAt: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description retrying: the last POST failed and another is planned (nextAttemptAt); failing: retries ran out, turn it on again */
              status: 'active' | 'retrying' | 'failing' | 'disabled';
              url: string;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a status webhook endpoint; its signing secret is in this answer only
     * @description Run events and per-recipient outcomes are POSTed to the URL in batches (at most 100 events), signed with `Botcast-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a non-2xx answer is retried with backoff.
     *
     *     Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /** @description false: off (takes no events); true on a failing endpoint: try again from where it stopped */
            enabled?: boolean;
            /** @description Event types sent; default all */
            events?: ('run.started' | 'run.paused' | 'run.resumed' | 'run.completed' | 'run.stopped' | 'delivery.outcome')[];
            /** @description https:// (plain http only with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true) */
            url: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Failed tries of the batch waiting to go */
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              description: string;
              enabled: boolean;
              events: string[];
              /** Format: date-time */
              failingSince: string | null;
              id: number;
              /** Format: date-time */
              lastSuccessAt: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description The signing secret; shown in this answer only */
              secret: string;
              /** @description retrying: the last POST failed and another is planned (nextAttemptAt); failing: retries ran out, turn it on again */
              status: 'active' | 'retrying' | 'failing' | 'disabled';
              url: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status-webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a status webhook endpoint and its delivery log
     * @description Needs the admin role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a status webhook endpoint, turn it off or on
     * @description Needs the admin role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /** @description false: off (takes no events); true on a failing endpoint: try again from where it stopped */
            enabled?: boolean;
            /** @description Event types sent; default all */
            events?: ('run.started' | 'run.paused' | 'run.resumed' | 'run.completed' | 'run.stopped' | 'delivery.outcome')[];
            /** @description https:// (plain http only with BOTCAST_ALLOW_PRIVATE_BASE_URLS=true) */
            url?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Failed tries of the batch waiting to go */
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              description: string;
              enabled: boolean;
              events: string[];
              /** Format: date-time */
              failingSince: string | null;
              id: number;
              /** Format: date-time */
              lastSuccessAt: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description retrying: the last POST failed and another is planned (nextAttemptAt); failing: retries ran out, turn it on again */
              status: 'active' | 'retrying' | 'failing' | 'disabled';
              url: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/status-webhooks/{id}/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Delivery log of an endpoint, newest first: status code, duration, error
     * @description Needs the admin role.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              at: string;
              attempt: number;
              durationMs: number;
              error: string | null;
              events: number;
              firstEventId: number | null;
              id: number;
              lastEventId: number | null;
              ok: boolean;
              statusCode: number | null;
              test: boolean;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status-webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace the signing secret (the old one stops at once); the new one is in this answer only
     * @description Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The new signing secret; shown in this answer only */
              secret: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status-webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * POST a signed `test` event to the endpoint now and say what it answered
     * @description Needs the admin role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              durationMs: number;
              /** @description Why it failed: the status and a short cleaned excerpt, or the network error */
              error: string | null;
              ok: boolean;
              statusCode: number | null;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A subscriber
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/chat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open an operator chat
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              closedAt: string | null;
              closedBy: string | null;
              closeReason: string | null;
              id: number;
              /** Format: date-time */
              openedAt: string;
              openedBy: string;
              subscriberId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/chat/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close the open operator chat
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          } | null;
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              /** Format: date-time */
              closedAt: string | null;
              closedBy: string | null;
              closeReason: string | null;
              id: number;
              /** Format: date-time */
              openedAt: string;
              openedBy: string;
              subscriberId: number;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/opt-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Opt a subscriber back in to broadcasts
     * @description Undoes an opt-out (by keyword or API). Idempotent.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/opt-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Opt a subscriber out of broadcasts and triggers
     * @description They stay active (not blocked): operator chats and external events that ignore the opt-out still reach them. Idempotent.
     *
     *     Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign tags (created when missing); fires trigger events
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tags: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /**
     * Remove tags
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tags: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subscribers/{id}/time-zone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a subscriber's own time zone
     * @description An IANA name (Europe/Berlin); null goes back to the bot's zone. Recipient-local sending and quiet hours read it.
     *
     *     Needs the editor role.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description IANA name; null: the bot's zone */
            timeZone: string | null;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              channelId: number;
              chatOpen: boolean;
              /** Format: date-time */
              firstMessageAt: string;
              id: number;
              language: string;
              /** Format: date-time */
              lastMessageAt: string;
              /** @description The data of the last external event call that reached this subscriber (null before any) */
              lastRequest: unknown;
              name: string;
              /**
               * Format: date-time
               * @description When they opted out of broadcasts (null = subscribed)
               */
              optedOutAt: string | null;
              /** @description keyword, button (a "Not interested" button) or api */
              optOutSource: string | null;
              platform: string;
              platformUserId: string;
              /** @description active or blocked */
              status: string;
              tags: string[];
              /** @description Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's */
              timeZone: string | null;
              username: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tags/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a tag (removes it from everyone)
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename a tag
     * @description Needs the editor role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              name: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/triggers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A trigger event with its firing counts
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              cancelledFirings: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              firedFirings: number;
              id: number;
              /** Format: date-time */
              lastFiredAt: string | null;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a trigger event and its pending firings (its sends stay in history)
     * @description Needs the editor role.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a trigger event (pending firings keep their due time; a new tag cancels the old tag’s pending firings)
     * @description Needs the editor role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content?:
              | {
                  buttons?: {
                    /** @description url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts */
                    kind: 'url' | 'reply' | 'opt_out';
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: 'image' | 'file';
                    url: string;
                  } | null;
                  text: string;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'text';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                }
              | {
                  screenId: number;
                  /** @description Link buttons go through Botcast's redirect (`/r/<token>`, one per delivery and button), which counts unique and total clicks per button; buttons whose address has {{variables}} are sent as they are */
                  trackClicks?: boolean;
                  /** @enum {string} */
                  type: 'screen';
                  /** @description WhatsApp only: the template sent to subscribers outside the messaging window (instead of leaving them out) */
                  whatsappTemplate?: {
                    /** @description The template’s image header shows the message’s image */
                    headerImage?: boolean;
                    /** @description Its language code, e.g. en_US */
                    language: string;
                    /** @description An approved template of the WhatsApp channel */
                    name: string;
                    /** @description outside_window (default): the template only to people outside the 24-hour window; everyone: the template to all */
                    policy?: 'outside_window' | 'everyone';
                    /** @description The body variables in order: the first fills {{1}} */
                    variables: {
                      /** @description Used when the value comes out empty: never blank */
                      fallback: string;
                      /** @description Botcast text with {{variables}}, e.g. {{first_name|friend}} */
                      value: string;
                    }[];
                  };
                };
            /** @description After `amount` `unit`, optionally at a time of day: "1 day at 19:00" fires at 19:00 the next day; "0 days at 19:00" today if still ahead, else tomorrow */
            delay?: {
              /** @description How many units (0 only with a time of day) */
              amount: number;
              /** @description HH:mm in the bot time zone; days, weeks and months only */
              timeOfDay?: string | null;
              unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
            };
            enabled?: boolean;
            /** @description Close the subscriber’s open operator chat and send (otherwise held until the chat closes) */
            endOpenChats?: boolean;
            /** @description Fire again when the tag is assigned again (default: once per subscriber) */
            fireAgain?: boolean;
            name?: string;
            /** @description A tag of the bot: its name (a string) or its id (a number) */
            tag?: unknown;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              cancelledFirings: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              firedFirings: number;
              id: number;
              /** Format: date-time */
              lastFiredAt: string | null;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/triggers/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable a trigger event: new tag assignments do not fire it; firings that come due while disabled are cancelled
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              cancelledFirings: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              firedFirings: number;
              id: number;
              /** Format: date-time */
              lastFiredAt: string | null;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triggers/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable a trigger event
     * @description Needs the editor role.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              botId: number;
              cancelledFirings: number;
              /** @description What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation */
              content: {
                /** @description text or screen */
                type: string;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              delay: {
                amount: number;
                timeOfDay?: string | null;
                unit: string;
              } & {
                [key: string]: unknown;
              };
              delayText: string;
              enabled: boolean;
              endOpenChats: boolean;
              fireAgain: boolean;
              firedFirings: number;
              id: number;
              /** Format: date-time */
              lastFiredAt: string | null;
              name: string;
              pendingFirings: number;
              position: number;
              revision: number;
              tag: {
                id: number;
                name: string;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triggers/{id}/firings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Firings of a trigger, newest first: pending (with the due time), fired (with the send and delivery state) or cancelled (with the reason)
     * @description Needs the viewer role.
     */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          state?: 'pending' | 'fired' | 'cancelled';
          subscriberId?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              assignedAt: string;
              deliveryState: string | null;
              /** Format: date-time */
              dueAt: string;
              /** Format: date-time */
              firedAt: string | null;
              id: number;
              reason: string | null;
              runId: number | null;
              sendId: number | null;
              /** @description pending, fired or cancelled */
              state: string;
              subscriberId: number;
            }[];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/hooks/events/{secret}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Call an external event (public; the secret in the URL is the credential)
     * @description Body: {"platform": "tg"|"wa"|"viber"|"vk"|"fb"|"instagram"|"ok"|"sandbox"|"any", "users": [...]|"everyone", "data": {...}}. A user is a platform user id ("123" or 123) or a Botcast subscriber id ({"subscriberId": 42} or "subscriber:42"). `data` fills {{variables}} ({{order.id}} or {{data.order.id}}) and is stored as each recipient's last request. Answers 202 with the send id, how many recipients were queued, and the unknown and blocked users. Optional header Idempotency-Key: a retried call answers the first call's result and sends nothing again; the same key with a different request is refused (422 idempotency_key_reused).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          secret: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              blocked: unknown[];
              /** @description Users given more than once (sent once) */
              duplicates: number;
              event: {
                id: number;
                name: string;
              };
              openChats: {
                count: number;
                willBe: string;
              };
              /** @description Users not sent to: they opted out (unless the event ignores opt-outs) */
              optedOut?: unknown[];
              platform: string;
              queued: number;
              runId: number | null;
              sendId: number;
              unknown: unknown[];
              /** @description everyone or list */
              users: string;
            };
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Every error answer: {"error": {"code", "message", "details"}} */
    ErrorResponse: {
      error: {
        /** @description Stable machine-readable code, e.g. invalid_request, not_found, unauthorized */
        code: string;
        /** @description More about the error (the field, the validation errors, ...) when there is more */
        details?: unknown;
        /** @description What went wrong, for people */
        message: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
