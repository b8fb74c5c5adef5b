// The Botcast API as TypeScript types, generated from openapi.json by openapi-typescript.
// Do not edit: run `npm run snapshots`.
export interface paths {
  "/api/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API keys of the workspace (never the keys themselves) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create an API key; the key is in this answer only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/api-keys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log into the panel (sets a session cookie) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/auth/logout": {
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bots of the workspace */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create a bot */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** @description IANA time zone, e.g. Europe/Berlin */
            timeZone?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bot */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a bot and everything of it */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a bot or change its time zone */
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
          "application/json": {
            name?: string;
            /** @description IANA time zone, e.g. Europe/Berlin */
            timeZone?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/bots/{botId}/channels": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bot's channels */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Connect a platform: checks the credentials with the platform and registers the webhook where it can */
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
          "application/json": {
            /** @description Platform API base URL; null = the platform's own */
            apiBaseUrl?: string | null;
            /** @description Platform credentials (fields depend on the platform); stored encrypted, never returned */
            credentials?: {
              [key: string]: string;
            };
            /** @description webhook (default) or long polling (Telegram), for machines without a public URL */
            inbound?: "webhook" | "polling";
            name?: string;
            /** @description tg, wa, viber, vk, fb, instagram, ok or sandbox */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/chats": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Operator chats of a bot */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/chats/close-all": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close all open chats of a bot */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/content/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** How a text or screen looks on each platform, with what degrades there */
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
          "application/json": {
            content:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            platforms?: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/drafts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Drafts of a bot */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Save the send form as a draft */
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
          "application/json": {
            form: {
              audience?:
                | {
                    exclude?: (string | number)[];
                    /** @enum {string} */
                    type: "all";
                  }
                | {
                    exclude?: (string | number)[];
                    include: (string | number)[];
                    /** @enum {string} */
                    type: "tags";
                  }
                | {
                    importId?: number;
                    subscriberIds?: number[];
                    /** @enum {string} */
                    type: "selected";
                  };
              /** @description The platforms (channels of the bot) to send on */
              channelIds?: number[];
              content?:
                | {
                    buttons?: {
                      kind: "url" | "reply";
                      text: string;
                      url?: string;
                    }[];
                    media?: {
                      type: "image" | "file";
                      url: string;
                    } | null;
                    text: string;
                    /** @enum {string} */
                    type: "text";
                  }
                | {
                    screenId: number;
                    /** @enum {string} */
                    type: "screen";
                  };
              /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
              endOpenChats?: boolean;
              timing?:
                | {
                    /** @enum {string} */
                    type: "instant";
                  }
                | {
                    /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                    at: string;
                    /** @enum {string} */
                    type: "delayed";
                  }
                | {
                    /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                    recurrence: unknown;
                    /** @enum {string} */
                    type: "periodic";
                  };
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/external-events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bot's external events, with their webhook URLs */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create an external event: content (text or screen), End open chats, and a secret webhook URL */
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
          "application/json": {
            content:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/screens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Screens of a bot */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create a screen */
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
          "application/json": {
            buttons?: {
              kind: "url" | "reply";
              text: string;
              url?: string;
            }[];
            media?: {
              type: "image" | "file";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/sends": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a broadcast (instant after the grace window, delayed, or periodic) */
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
          "application/json": {
            audience:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: "all";
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: "tags";
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: "selected";
                };
            /** @description The platforms (channels of the bot) to send on */
            channelIds: number[];
            content:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            timing?:
              | {
                  /** @enum {string} */
                  type: "instant";
                }
              | {
                  /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                  at: string;
                  /** @enum {string} */
                  type: "delayed";
                }
              | {
                  /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                  recurrence: unknown;
                  /** @enum {string} */
                  type: "periodic";
                };
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/sends/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Audience preview: recipients per platform, and who is left out and why */
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
          "application/json": {
            audience:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: "all";
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: "tags";
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: "selected";
                };
            channelIds: number[];
            endOpenChats?: boolean;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/sends/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test send: the content to one subscriber now, without creating a send in history */
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
          "application/json": {
            content:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/subscribers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search subscribers (newest first) */
    get: {
      parameters: {
        query?: {
          chatOpen?: boolean;
          cursor?: string;
          limit?: number;
          platform?: string;
          /** @description name, username, platform user id or subscriber id */
          q?: string;
          status?: "active" | "blocked";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/subscribers/tag": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign (or remove) one tag on many subscribers at once */
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
          "application/json": {
            remove?: boolean;
            subscriberIds: number[];
            tag: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/tags": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tags of a bot with how many subscribers have each ("in use" when at least one) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create a tag */
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
          "application/json": {
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/triggers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bot's trigger events, in their order */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Create a trigger event (placed last in the order) */
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
          "application/json": {
            content:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description After `amount` `unit`, optionally at a time of day: "1 day at 19:00" fires at 19:00 the next day; "0 days at 19:00" today if still ahead, else tomorrow */
            delay: {
              /** @description How many units (0 only with a time of day) */
              amount: number;
              /** @description HH:mm in the bot time zone; days, weeks and months only */
              timeOfDay?: string | null;
              unit: "minutes" | "hours" | "days" | "weeks" | "months";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/bots/{botId}/triggers/order": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the order of the bot’s triggers (it decides which goes first when several fire at once for one subscriber) */
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
          "application/json": {
            /** @description Every trigger id of the bot, first to last */
            ids: number[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/channels/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Disconnect a channel */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a channel: name, rate limit, base URL, credentials, status */
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
          "application/json": {
            /** @description Platform API base URL; null = the platform's own */
            apiBaseUrl?: string | null;
            /** @description Platform credentials (fields depend on the platform); stored encrypted, never returned */
            credentials?: {
              [key: string]: string;
            };
            name?: string;
            /** @description Messages per second; null = the platform default */
            ratePerSecond?: number | null;
            status?: "active" | "disabled";
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/channels/{id}/sandbox/inbox": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What sandbox users wrote and what the bot sent them (newest first) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/channels/{id}/sandbox/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A sandbox user writes to the bot (creates or refreshes the subscriber, like an inbound message) */
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
          "application/json": {
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/channels/{id}/sandbox/users/{userId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Make a sandbox user behave like a real person: normal, blocked (blocked the bot), gone (deleted account), flaky (temporary failures) */
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
          "application/json": {
            behaviour: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/channels/{id}/selected-users/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import selected users from a CSV file (UTF-8, one column of user ids; body = the file, content-type text/csv) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/drafts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A draft */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a draft */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit a draft */
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
          "application/json": {
            form?: {
              audience?:
                | {
                    exclude?: (string | number)[];
                    /** @enum {string} */
                    type: "all";
                  }
                | {
                    exclude?: (string | number)[];
                    include: (string | number)[];
                    /** @enum {string} */
                    type: "tags";
                  }
                | {
                    importId?: number;
                    subscriberIds?: number[];
                    /** @enum {string} */
                    type: "selected";
                  };
              /** @description The platforms (channels of the bot) to send on */
              channelIds?: number[];
              content?:
                | {
                    buttons?: {
                      kind: "url" | "reply";
                      text: string;
                      url?: string;
                    }[];
                    media?: {
                      type: "image" | "file";
                      url: string;
                    } | null;
                    text: string;
                    /** @enum {string} */
                    type: "text";
                  }
                | {
                    screenId: number;
                    /** @enum {string} */
                    type: "screen";
                  };
              /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
              endOpenChats?: boolean;
              timing?:
                | {
                    /** @enum {string} */
                    type: "instant";
                  }
                | {
                    /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                    at: string;
                    /** @enum {string} */
                    type: "delayed";
                  }
                | {
                    /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                    recurrence: unknown;
                    /** @enum {string} */
                    type: "periodic";
                  };
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/drafts/{id}/duplicate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Duplicate a draft */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/drafts/{id}/send": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a draft (with optional edits); the draft stays for reuse */
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
          "application/json": {
            audience?:
              | {
                  exclude?: (string | number)[];
                  /** @enum {string} */
                  type: "all";
                }
              | {
                  exclude?: (string | number)[];
                  include: (string | number)[];
                  /** @enum {string} */
                  type: "tags";
                }
              | {
                  importId?: number;
                  subscriberIds?: number[];
                  /** @enum {string} */
                  type: "selected";
                };
            /** @description The platforms (channels of the bot) to send on */
            channelIds?: number[];
            content?:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            timing?:
              | {
                  /** @enum {string} */
                  type: "instant";
                }
              | {
                  /** @description Local date and time in the bot's time zone, e.g. 2026-12-01T10:00 */
                  at: string;
                  /** @enum {string} */
                  type: "delayed";
                }
              | {
                  /** @description every_n_days | weekdays | month_days | cron, with time and optional endDate */
                  recurrence: unknown;
                  /** @enum {string} */
                  type: "periodic";
                };
          } | null;
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/external-events/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An external event with its webhook URL */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an external event (its URL stops working; its sends stay in history) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change the name, content or End open chats of an external event (its URL stays) */
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
          "application/json": {
            content?:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description Close recipients’ open operator chats and send to everyone (otherwise they are held until the chat closes) */
            endOpenChats?: boolean;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/external-events/{id}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give the event a new secret URL; the old one answers 404 from now on */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Broadcasting history: active, scheduled, periodic or completed; filter by kinds (none = all) and search by send id */
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
          /** @description active | scheduled | periodic | completed */
          section: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find a log by send id */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling member or API key and its workspace */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of the workspace */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    /** Add a member who can log into the panel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            name?: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/screens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A screen */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a screen */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a screen */
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
          "application/json": {
            buttons?: {
              kind: "url" | "reply";
              text: string;
              url?: string;
            }[];
            media?: {
              type: "image" | "file";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/selected-user-imports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The result of a selected-users import */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/selected-user-imports/{id}/report.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Unknown, blocked, malformed and duplicate ids of an import, as CSV */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A send with its runs and counters */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a send that has not started (instant in its grace window, delayed) or a periodic one (stops future runs) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/sends/{id}/log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A send's log: events of the run and every recipient's outcome (errorsOnly for View errors) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}/log.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The log as CSV (UTF-8 with BOM, streamed, safe against formula injection) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}/progress": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live counts and current rate of a send */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}/progress/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live progress as Server-Sent Events (one event a second until the send is done) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}/rate-series": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery rate over time (10-second buckets of sent and failed) for the chart */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/sends/{id}/stop": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop a delivering send: what was not sent yet is cancelled */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/signup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a workspace with its first member; answers with an API key (shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            name?: string;
            password: string;
            workspaceName: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/subscribers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A subscriber */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/subscribers/{id}/chat": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open an operator chat */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/subscribers/{id}/chat/close": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the open operator chat */
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
          "application/json": {
            reason?: string;
          } | null;
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/subscribers/{id}/tags": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign tags (created when missing); fires trigger events */
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
          "application/json": {
            tags: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    /** Remove tags */
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
          "application/json": {
            tags: string[];
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/tags/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a tag (removes it from everyone) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a tag */
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
          "application/json": {
            name: string;
          };
        };
      };
      responses: {
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/triggers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A trigger event with its firing counts */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a trigger event and its pending firings (its sends stay in history) */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a trigger event (pending firings keep their due time; a new tag cancels the old tag’s pending firings) */
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
          "application/json": {
            content?:
              | {
                  buttons?: {
                    kind: "url" | "reply";
                    text: string;
                    url?: string;
                  }[];
                  media?: {
                    type: "image" | "file";
                    url: string;
                  } | null;
                  text: string;
                  /** @enum {string} */
                  type: "text";
                }
              | {
                  screenId: number;
                  /** @enum {string} */
                  type: "screen";
                };
            /** @description After `amount` `unit`, optionally at a time of day: "1 day at 19:00" fires at 19:00 the next day; "0 days at 19:00" today if still ahead, else tomorrow */
            delay?: {
              /** @description How many units (0 only with a time of day) */
              amount: number;
              /** @description HH:mm in the bot time zone; days, weeks and months only */
              timeOfDay?: string | null;
              unit: "minutes" | "hours" | "days" | "weeks" | "months";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/triggers/{id}/disable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a trigger event: new tag assignments do not fire it; firings that come due while disabled are cancelled */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/triggers/{id}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a trigger event */
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/api/triggers/{id}/firings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Firings of a trigger, newest first: pending (with the due time), fired (with the send and delivery state) or cancelled (with the reason) */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          state?: "pending" | "fired" | "cancelled";
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
  "/hooks/events/{secret}": {
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
     * @description Body: {"platform": "tg"|"wa"|"viber"|"vk"|"fb"|"instagram"|"ok"|"sandbox"|"any", "users": [...]|"everyone", "data": {...}}. A user is a platform user id ("123" or 123) or a Botcast subscriber id ({"subscriberId": 42} or "subscriber:42"). `data` fills {{variables}} ({{order.id}} or {{data.order.id}}) and is stored as each recipient's last request. Answers 202 with the send id, how many recipients were queued, and the unknown and blocked users. Optional header Idempotency-Key: a retried call answers the first call's result and sends nothing again.
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
        "4XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        "5XX": {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
          };
        };
        /** @description Every error answer: {"error": {"code", "message", "details"}} */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ErrorResponse"];
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
