/** An email as the platform writes it (plain text + HTML), and its RFC 5322 form built with mimetext. */

import type { EmailKind } from '@domain/core/email-kinds';
// The browser build: CRLF line ends, as RFC 5322 requires, and js-base64, so no Node built-in is needed. The Node
// build ends lines with os.EOL ("\n" on Linux) and uses node:os, Buffer and mime-types.
import { createMimeMessage } from 'mimetext/browser';

export type { EmailKind };

/** One message to one recipient; every email has both parts, the HTML one already escaped. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: EmailKind;
}

/** Who an email comes from: the configured address (EMAIL_FROM) and a display name (the shop's). */
export interface EmailSender {
  address: string;
  name?: string;
}

// A deliberately plain shape: one @, no spaces, angle brackets or line breaks, so an address can never smuggle
// another header or recipient into the message. Whether the mailbox exists is the caller's concern.
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/** True when `address` is a single bare address buildMime and the transports accept. */
export const isEmailAddress = (address: string): boolean => address.length <= 254 && ADDRESS.test(address);

/** A text part in canonical form (CRLF line ends, RFC 2046), as base64 lines of 76 characters (RFC 2045). */
function encodePart(encode: (text: string) => string, text: string): string {
  return (
    encode(text.replace(/\r?\n/g, '\r\n'))
      .match(/.{1,76}/g)
      ?.join('\r\n') ?? ''
  );
}

/**
 * The raw MIME message: From, To, a UTF-8 encoded Subject, Date, Message-ID, and a multipart/alternative body with
 * the text part first and the HTML part last (clients show the last part they can render). Both parts are base64,
 * so non-ASCII text and long lines pass unchanged. Throws on an address that is not a single bare address.
 */
export function buildMime(message: EmailMessage, from: EmailSender): string {
  for (const address of [message.to, from.address]) {
    if (!isEmailAddress(address))
      throw new Error(`buildMime: not a single email address: ${JSON.stringify(address)}`);
  }
  const mime = createMimeMessage();
  mime.setSender(from.name ? { addr: from.address, name: from.name } : from.address);
  mime.setRecipient(message.to);
  mime.setSubject(message.subject);
  mime.addMessage({
    contentType: 'text/plain',
    encoding: 'base64',
    data: encodePart((t) => mime.toBase64(t), message.text),
  });
  mime.addMessage({
    contentType: 'text/html',
    encoding: 'base64',
    data: encodePart((t) => mime.toBase64(t), message.html),
  });
  return mime.asRaw();
}

/** Sends one message; resolves once the transport has accepted it, throws when it refused or failed. */
export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}
