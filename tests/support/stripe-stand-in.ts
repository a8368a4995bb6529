/**
 * A local stand-in for the part of Stripe's API the shop uses (Node only; started by tests/support/global-setup.ts
 * and reached from workerd over loopback): the real `stripe` SDK builds its requests as for api.stripe.com and this
 * answers them the way Stripe does. stripe-mock would not do: it is a Go binary and keeps no state.
 *
 * Implemented: POST /v1/payment_intents (with confirm=true), POST /v1/payment_intents/:id/confirm,
 * GET /v1/payment_intents/:id, POST /v1/refunds. Secret key as Bearer (else 401). Idempotency-Key as Stripe keeps it:
 * the same key and parameters replay the first response (status and body), the same key with other parameters or
 * another endpoint is a 400 `idempotency_error`.
 *
 * Confirmation tokens stand for the Payment Element's outcome, named after Stripe's test cards: `ctoken_visa`
 * succeeds, `ctoken_chargeDeclined` is declined (402 card_error carrying the intent, now requires_payment_method),
 * `ctoken_authenticationRequired` needs 3-D Secure (requires_action with a redirect_to_url), `ctoken_processing`
 * stays processing. The 3-D Secure "page" is `POST /__stand-in/authenticate/:id?approve=true|false`.
 * `GET /__stand-in/requests` lists every API request received (method, path, idempotency key, parameters).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One API request as the stand-in received it. */
export interface StripeRecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
}

type Intent = {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  confirmation_method: 'automatic';
  next_action: { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } } | null;
  last_payment_error: { type: string; code: string; decline_code?: string; message: string } | null;
  return_url: string | null;
  latest_charge: string | null;
  created: number;
  livemode: false;
  /** Not Stripe's: what this stand-in needs to answer refunds. */
  refunded: number;
};

const DECLINE = {
  type: 'card_error',
  code: 'card_declined',
  decline_code: 'generic_decline',
  message: 'Your card was declined.',
};

/** Reads Stripe's form encoding (`a[b][c]=v`) into nested objects. */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/[[\]]+/).filter(Boolean);
    let node = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        node[part] ??= {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return out;
}

/** A running stand-in. */
export interface StripeStandIn {
  port: number;
  secretKey: string;
  requests: StripeRecordedRequest[];
  close(): Promise<void>;
}

/** Starts a stand-in on a free loopback port. */
export async function startStripeStandIn(secretKey = 'sk_test_stand_in'): Promise<StripeStandIn> {
  const intents = new Map<string, Intent>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const requests: StripeRecordedRequest[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_standin${Date.now().toString(36)}${(++counter).toString(36)}`;
  let origin = '';

  const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) => ({
    status,
    body: { error: { type, message, ...extra } },
  });

  /** Confirms an intent with a token: the outcome the token names. */
  const confirm = (intent: Intent, token: unknown, returnUrl: unknown) => {
    if (typeof returnUrl === 'string') intent.return_url = returnUrl;
    const outcomes: Record<string, () => void> = {
      ctoken_visa: () => {
        intent.status = 'succeeded';
        intent.amount_received = intent.amount;
        intent.latest_charge = nextId('ch');
      },
      ctoken_processing: () => {
        intent.status = 'processing';
      },
      ctoken_authenticationRequired: () => {
        intent.status = 'requires_action';
        intent.next_action = {
          type: 'redirect_to_url',
          redirect_to_url: {
            url: `${origin}/__stand-in/authenticate/${intent.id}`,
            return_url: intent.return_url ?? '',
          },
        };
      },
      ctoken_chargeDeclined: () => {
        intent.status = 'requires_payment_method';
        intent.last_payment_error = DECLINE;
      },
    };
    const apply = typeof token === 'string' ? outcomes[token] : undefined;
    if (!apply) {
      return error(400, 'invalid_request_error', `No such confirmationtoken: '${String(token)}'`, {
        code: 'resource_missing',
        param: 'confirmation_token',
      });
    }
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
      return error(400, 'invalid_request_error', 'This PaymentIntent cannot be confirmed now.', {
        code: 'payment_intent_unexpected_state',
      });
    }
    intent.last_payment_error = null;
    apply();
    if (intent.status === 'requires_payment_method') {
      return error(402, 'card_error', DECLINE.message, { ...DECLINE, payment_intent: view(intent) });
    }
    return { status: 200, body: view(intent) };
  };

  const view = (intent: Intent) => {
    const { refunded: _, ...rest } = intent;
    return structuredClone(rest);
  };

  const api = (method: string, path: string, params: Record<string, unknown>) => {
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount < 1 || typeof params.currency !== 'string') {
        return error(400, 'invalid_request_error', 'Missing or invalid amount or currency.', {
          code: 'parameter_invalid_integer',
        });
      }
      const intent: Intent = {
        id: nextId('pi'),
        object: 'payment_intent',
        amount,
        amount_received: 0,
        currency: params.currency,
        status: 'requires_payment_method',
        metadata: (params.metadata ?? {}) as Record<string, string>,
        confirmation_method: 'automatic',
        next_action: null,
        last_payment_error: null,
        return_url: null,
        latest_charge: null,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        refunded: 0,
      };
      intents.set(intent.id, intent);
      if (params.confirm === 'true') return confirm(intent, params.confirmation_token, params.return_url);
      return { status: 200, body: view(intent) };
    }
    const confirmMatch = path.match(/^\/v1\/payment_intents\/([^/]+)\/confirm$/);
    if (method === 'POST' && confirmMatch) {
      const intent = intents.get(confirmMatch[1] ?? '');
      if (!intent)
        return error(404, 'invalid_request_error', 'No such payment_intent', { code: 'resource_missing' });
      return confirm(intent, params.confirmation_token, params.return_url);
    }
    const getMatch = path.match(/^\/v1\/payment_intents\/([^/]+)$/);
    if (method === 'GET' && getMatch) {
      const intent = intents.get(getMatch[1] ?? '');
      if (!intent)
        return error(404, 'invalid_request_error', 'No such payment_intent', { code: 'resource_missing' });
      return { status: 200, body: view(intent) };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(String(params.payment_intent));
      if (!intent)
        return error(404, 'invalid_request_error', 'No such payment_intent', { code: 'resource_missing' });
      if (intent.status !== 'succeeded') {
        return error(400, 'invalid_request_error', 'This PaymentIntent has no successful charge to refund.');
      }
      const left = intent.amount_received - intent.refunded;
      const amount = params.amount === undefined ? left : Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount < 1 || amount > left) {
        return error(400, 'invalid_request_error', 'Charge has already been refunded.', {
          code: 'charge_already_refunded',
        });
      }
      intent.refunded += amount;
      const refund = {
        id: nextId('re'),
        object: 'refund',
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        charge: intent.latest_charge,
        status: 'succeeded',
      };
      return { status: 200, body: refund };
    }
    return error(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': nextId('req') });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const raw = method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8');

    if (url.pathname === '/__stand-in/requests') return send(res, 200, requests);
    const auth = url.pathname.match(/^\/__stand-in\/authenticate\/([^/]+)$/);
    if (auth && method === 'POST') {
      // The bank's 3-D Secure page: approved → succeeded; refused → back to requires_payment_method, as Stripe does.
      const intent = intents.get(auth[1] ?? '');
      if (intent?.status !== 'requires_action') return send(res, 409, { error: 'not awaiting action' });
      intent.next_action = null;
      if (url.searchParams.get('approve') === 'true') {
        intent.status = 'succeeded';
        intent.amount_received = intent.amount;
        intent.latest_charge = nextId('ch');
      } else {
        intent.status = 'requires_payment_method';
        intent.last_payment_error = {
          type: 'card_error',
          code: 'payment_intent_authentication_failure',
          message: 'We are unable to authenticate your payment method.',
        };
      }
      return send(res, 200, view(intent));
    }

    const params = parseForm(raw);
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ method, path: url.pathname, idempotencyKey: key, params });
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      const e = error(401, 'invalid_request_error', 'Invalid API Key provided.');
      return send(res, e.status, e.body);
    }
    if (key && method === 'POST') {
      const fingerprint = `${method} ${url.pathname} ${JSON.stringify(params)}`;
      const seen = idempotent.get(key);
      if (seen && seen.fingerprint !== fingerprint) {
        const e = error(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
        return send(res, e.status, e.body);
      }
      if (seen) {
        res.setHeader('Idempotent-Replayed', 'true');
        return send(res, seen.status, seen.body);
      }
      const answer = api(method, url.pathname, params);
      idempotent.set(key, { fingerprint, ...answer });
      return send(res, answer.status, answer.body);
    }
    const answer = api(method, url.pathname, params);
    return send(res, answer.status, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      send(res, 500, { error: { type: 'api_error', message: String(e) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    port,
    secretKey,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
