/**
 * A local stand-in for Upstash Redis's REST API (Node only), enough for @upstash/ratelimit's fixed window: the real
 * SDK builds its requests as it would for Upstash, and this answers them the way Upstash would.
 *
 * Protocol: POST, `Authorization: Bearer <token>` (else 401), JSON body; `/` takes one command
 * (`["evalsha", sha, numkeys, ...keys, ...args]`) and answers `{ result }` or, with status 400, `{ error }`;
 * `/pipeline` (and `/multi-exec`) take an array of commands and answer an array of `{ result }` / `{ error }`. With
 * `Upstash-Encoding: base64` string results are base64 (numbers stay numbers), as Upstash sends them.
 *
 * Scripts behave as in Redis: EVAL runs a script and caches it by its SHA1; EVALSHA of an uncached SHA1 is a
 * NOSCRIPT error (the SDK then falls back to EVAL). Lua is not run: a script is recognised by its SHA1, and only
 * the scripts implemented below in JS are accepted (anything else is an error, so an SDK upgrade that changes its
 * scripts fails the tests instead of passing by accident). Keys live in a Map with PEXPIRE deadlines on Date.now(),
 * so `vi.setSystemTime` moves the stand-in's clock together with the SDK's.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it. */
export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  encoding: string | undefined;
  /** The body's commands (one for `/`, several for `/pipeline`). */
  commands: unknown[][];
}

type Value = string | number | null | Value[];

class RedisError extends Error {}

/** @upstash/ratelimit 2.2's single-region fixed-window limit script (KEYS: key[, dynamicLimitKey]; ARGV: tokens, window, incrementBy). */
export const FIXED_WINDOW_LIMIT_SHA1 = 'b2efc02798c8e9b471a10f9b1d5745db89923ff3';

/** The in-memory keyspace, with Redis's lazy expiry. */
class Keyspace {
  private readonly entries = new Map<string, { value: string; expiresAt?: number }>();

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  incrBy(key: string, by: number): number {
    const current = this.get(key);
    if (current !== null && !/^-?\d+$/.test(current)) throw new RedisError('ERR value is not an integer');
    const next = Number(current ?? 0) + by;
    const expiresAt = this.entries.get(key)?.expiresAt;
    this.entries.set(key, { value: String(next), ...(expiresAt === undefined ? {} : { expiresAt }) });
    return next;
  }

  pexpire(key: string, ms: number): number {
    const entry = this.get(key) === null ? undefined : this.entries.get(key);
    if (!entry) return 0;
    entry.expiresAt = Date.now() + ms;
    return 1;
  }

  pttl(key: string): number {
    if (this.get(key) === null) return -2;
    const expiresAt = this.entries.get(key)?.expiresAt;
    return expiresAt === undefined ? -1 : expiresAt - Date.now();
  }

  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.get(k) !== null);
  }
}

type Script = (db: Keyspace, keys: string[], args: string[]) => Value;

/** The scripts the stand-in runs, by SHA1, each the JS twin of the SDK's Lua. */
const SCRIPTS: Record<string, Script> = {
  [FIXED_WINDOW_LIMIT_SHA1]: (db, [key, dynamicLimitKey], [tokens, window, incrementBy]) => {
    if (!key || tokens === undefined || window === undefined || incrementBy === undefined) {
      throw new RedisError('ERR wrong number of arguments for the fixed-window script');
    }
    let effectiveLimit = Number(tokens);
    if (dynamicLimitKey) {
      const dynamic = db.get(dynamicLimitKey);
      if (dynamic !== null) effectiveLimit = Number(dynamic);
    }
    const used = db.incrBy(key, Number(incrementBy));
    if (used === Number(incrementBy)) db.pexpire(key, Number(window));
    return [used, effectiveLimit];
  },
};

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** A running stand-in. */
export interface UpstashStandIn {
  url: string;
  token: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The live keys (expired ones left out). */
  keys(): string[];
  /** Milliseconds until `key` expires (-2: no such key, -1: no expiry). */
  pttl(key: string): number;
  /** From now on answer every request with this status and a non-JSON body (an outage), or normally (undefined). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/** Starts a stand-in on a free loopback port. */
export async function startUpstashStandIn(token = 'stand-in-token'): Promise<UpstashStandIn> {
  const db = new Keyspace();
  const loaded = new Set<string>();
  const requests: RecordedRequest[] = [];
  let outage: number | undefined;

  const run = (command: unknown[]): Value => {
    const [rawName, ...rest] = command.map((part) => (part === null ? '' : String(part)));
    const name = rawName?.toUpperCase();
    switch (name) {
      case 'EVAL':
      case 'EVALSHA': {
        const [scriptOrSha = '', numKeys = '0', ...tail] = rest;
        const keyCount = Number(numKeys);
        const keys = tail.slice(0, keyCount);
        const args = tail.slice(keyCount);
        const sha = name === 'EVAL' ? sha1(scriptOrSha) : scriptOrSha;
        const script = SCRIPTS[sha];
        if (name === 'EVALSHA' && !loaded.has(sha)) {
          throw new RedisError('NOSCRIPT No matching script. Please use EVAL.');
        }
        if (!script) throw new RedisError(`ERR the stand-in does not implement script ${sha}`);
        loaded.add(sha);
        return script(db, keys, args);
      }
      case 'GET':
        return db.get(rest[0] ?? '');
      case 'INCRBY':
        return db.incrBy(rest[0] ?? '', Number(rest[1]));
      case 'PEXPIRE':
        return db.pexpire(rest[0] ?? '', Number(rest[1]));
      case 'PTTL':
        return db.pttl(rest[0] ?? '');
      default:
        throw new RedisError(`ERR unknown command '${rawName}'`);
    }
  };

  const encode = (value: Value, base64: boolean): Value => {
    if (!base64) return value;
    if (typeof value === 'string') return Buffer.from(value).toString('base64');
    if (Array.isArray(value)) return value.map((v) => encode(v, base64));
    return value;
  };

  const answer = (command: unknown[], base64: boolean): { result: Value } | { error: string } => {
    try {
      return { result: encode(run(command), base64) };
    } catch (error) {
      if (error instanceof RedisError) return { error: error.message };
      throw error;
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const authorization = req.headers.authorization;
    const encoding = req.headers['upstash-encoding'] as string | undefined;
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    const commands = (path === '/' ? [body] : Array.isArray(body) ? body : []) as unknown[][];
    requests.push({ path, authorization, encoding, commands });

    if (outage !== undefined) {
      res.writeHead(outage, { 'Content-Type': 'text/plain' });
      res.end('stand-in outage');
      return;
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'ERR method not allowed' });
    if (authorization !== `Bearer ${token}`) return send(res, 401, { error: 'WRONGPASS invalid password' });
    const base64 = encoding === 'base64';
    if (path === '/') {
      if (!Array.isArray(body)) return send(res, 400, { error: 'ERR failed to parse command' });
      const result = answer(body, base64);
      return send(res, 'error' in result ? 400 : 200, result);
    }
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!commands.every(Array.isArray)) return send(res, 400, { error: 'ERR failed to parse pipeline' });
      return send(
        res,
        200,
        commands.map((c) => answer(c, base64)),
      );
    }
    return send(res, 404, { error: `ERR unknown endpoint ${path}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: `ERR stand-in: ${error}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    keys: () => db.keys(),
    pttl: (key) => db.pttl(key),
    failWith: (status) => {
      outage = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
