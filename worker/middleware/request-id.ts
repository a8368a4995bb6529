/** Gives every request an id (honouring a sane incoming X-Request-Id) and echoes it on the response. */
import { createMiddleware } from 'hono/factory';
import { newId } from '../../domain/ids';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const requestId = createMiddleware<{ Variables: { requestId: string } }>(async (c, next) => {
  const incoming = c.req.header('X-Request-Id');
  const id = incoming && INCOMING_ID.test(incoming) ? incoming : newId('request');
  c.set('requestId', id);
  await next();
  c.res.headers.set('X-Request-Id', id);
});
