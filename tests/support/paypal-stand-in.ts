/**
 * A local stand-in for the part of PayPal's REST API the shop uses (Node only; started by
 * tests/support/global-setup.ts, reached from workerd over loopback), answering as PayPal's Orders v2 does.
 *
 * Implemented: POST /v1/oauth2/token (client credentials, Basic auth), POST /v2/checkout/orders,
 * GET /v2/checkout/orders/:id, POST /v2/checkout/orders/:id/capture, POST /v2/payments/captures/:id/refund,
 * POST /v1/notifications/verify-webhook-signature (tests/support/paypal-test-signature.ts). Writes honour
 * PayPal-Request-Id: a repeat gets the first answer. The approval page is `POST /__stand-in/approve/:id` with
 * `?instrument=declined` for a buyer whose funding is refused at capture (422 INSTRUMENT_DECLINED);
 * `GET /__stand-in/requests` lists every API request (method, path, request id, body).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paypalTestSignature } from './paypal-test-signature';

export interface PayPalRecordedRequest {
  method: string;
  path: string;
  requestId: string | null;
  body: unknown;
}

type Unit = {
  custom_id?: string;
  amount: { currency_code: string; value: string };
  payments?: { captures: { id: string; status: string; amount: { currency_code: string; value: string } }[] };
};
type Order = { id: string; intent: string; status: string; purchase_units: Unit[]; declined?: boolean };

export interface PayPalStandIn {
  port: number;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  close(): Promise<void>;
}

export async function startPayPalStandIn(
  clientId = 'paypal-stand-in-client',
  clientSecret = 'paypal-stand-in-secret',
  webhookId = 'WH-STAND-IN',
): Promise<PayPalStandIn> {
  const orders = new Map<string, Order>();
  const replies = new Map<string, { status: number; body: unknown }>();
  const requests: PayPalRecordedRequest[] = [];
  const tokens = new Set<string>();
  let counter = 0;
  const nextId = (prefix: string) =>
    `${prefix}${Date.now().toString(36).toUpperCase()}${(++counter).toString(36).toUpperCase()}`.slice(0, 17);
  let origin = '';

  const view = (order: Order) => {
    const { declined: _, ...rest } = order;
    const links =
      order.status === 'PAYER_ACTION_REQUIRED'
        ? [{ rel: 'payer-action', href: `${origin}/__stand-in/approve/${order.id}`, method: 'GET' }]
        : [];
    return { ...structuredClone(rest), links };
  };
  const issue = (status: number, name: string, detail: string) => ({
    status,
    body: { name, details: [{ issue: detail }], message: name },
  });

  const api = (method: string, path: string, body: Record<string, unknown>) => {
    if (method === 'POST' && path === '/v2/checkout/orders') {
      const units = body.purchase_units as Unit[] | undefined;
      if (body.intent !== 'CAPTURE' || !units?.[0]?.amount)
        return issue(400, 'INVALID_REQUEST', 'MISSING_REQUIRED_PARAMETER');
      const order: Order = {
        id: nextId('O'),
        intent: 'CAPTURE',
        status: 'PAYER_ACTION_REQUIRED',
        purchase_units: units.map((u) => ({ custom_id: u.custom_id, amount: u.amount })),
      };
      orders.set(order.id, order);
      return { status: 200, body: view(order) };
    }
    const get = path.match(/^\/v2\/checkout\/orders\/([^/]+)$/);
    if (method === 'GET' && get) {
      const order = orders.get(get[1] ?? '');
      return order
        ? { status: 200, body: view(order) }
        : issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
    }
    const capture = path.match(/^\/v2\/checkout\/orders\/([^/]+)\/capture$/);
    if (method === 'POST' && capture) {
      const order = orders.get(capture[1] ?? '');
      if (!order) return issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      if (order.status === 'COMPLETED') return issue(422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED');
      if (order.status !== 'APPROVED') return issue(422, 'UNPROCESSABLE_ENTITY', 'ORDER_NOT_APPROVED');
      if (order.declined) return issue(422, 'UNPROCESSABLE_ENTITY', 'INSTRUMENT_DECLINED');
      order.status = 'COMPLETED';
      for (const unit of order.purchase_units) {
        unit.payments = { captures: [{ id: nextId('C'), status: 'COMPLETED', amount: unit.amount }] };
      }
      return { status: 201, body: view(order) };
    }
    const refund = path.match(/^\/v2\/payments\/captures\/([^/]+)\/refund$/);
    if (method === 'POST' && refund) {
      const found = [...orders.values()]
        .flatMap((o) => o.purchase_units.flatMap((u) => u.payments?.captures ?? []))
        .find((c) => c.id === refund[1]);
      if (!found) return issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      if (found.status === 'REFUNDED') return issue(422, 'UNPROCESSABLE_ENTITY', 'CAPTURE_FULLY_REFUNDED');
      found.status = 'REFUNDED';
      return { status: 201, body: { id: nextId('R'), status: 'COMPLETED' } };
    }
    return issue(404, 'NOT_FOUND', 'UNKNOWN_PATH');
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    if (url.pathname === '/__stand-in/requests') return send(res, 200, requests);
    const approve = url.pathname.match(/^\/__stand-in\/approve\/([^/]+)$/);
    if (approve && method === 'POST') {
      const order = orders.get(approve[1] ?? '');
      if (order?.status !== 'PAYER_ACTION_REQUIRED')
        return send(res, 409, { message: 'not awaiting approval' });
      order.status = 'APPROVED';
      order.declined = url.searchParams.get('instrument') === 'declined';
      return send(res, 200, view(order));
    }
    if (url.pathname === '/v1/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      if (
        method !== 'POST' ||
        req.headers.authorization !== expected ||
        raw !== 'grant_type=client_credentials'
      ) {
        return send(res, 401, { error: 'invalid_client' });
      }
      const token = `A21.${nextId('T')}`;
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 32400 });
    }
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const requestId = (req.headers['paypal-request-id'] as string | undefined) ?? null;
    requests.push({ method, path: url.pathname, requestId, body });
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!tokens.has(bearer)) return send(res, 401, { error: 'invalid_token' });
    if (url.pathname === '/v1/notifications/verify-webhook-signature' && method === 'POST') {
      const expected = await paypalTestSignature(
        String(body.transmission_id),
        String(body.transmission_time),
        webhookId,
        body.webhook_event,
      );
      const ok = body.webhook_id === webhookId && body.transmission_sig === expected;
      return send(res, 200, { verification_status: ok ? 'SUCCESS' : 'FAILURE' });
    }
    if (requestId && method === 'POST') {
      const seen = replies.get(`${url.pathname} ${requestId}`);
      if (seen) return send(res, seen.status, seen.body);
      const answer = api(method, url.pathname, body);
      replies.set(`${url.pathname} ${requestId}`, answer);
      return send(res, answer.status, answer.body);
    }
    const answer = api(method, url.pathname, body);
    return send(res, answer.status, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      send(res, 500, { name: 'INTERNAL_SERVER_ERROR', message: String(e) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    port,
    clientId,
    clientSecret,
    webhookId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
