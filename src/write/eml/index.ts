/**
 * The email writer: document tree → an unsent draft (.eml, RFC 5322) that mail
 * clients open ready to edit and send (`X-Unsent: 1`: Outlook opens it as a
 * draft; Thunderbird and Apple Mail open it as a message to forward or edit).
 *
 * The MIME structure comes from mimetext, whose browser build runs the same in
 * Node and in the page (no Node streams or Buffer). Names and the subject
 * become RFC 2047 encoded-words folded to 78 columns, the UTF-8 bodies base64;
 * the Date header, Message-ID and multipart boundary come from the caller, so
 * the same input gives the same bytes.
 *
 * @example
 * const bytes = await writeEml(tree, {
 *   from: { name: 'Σοφία Παπαδοπούλου', address: 'sofia@example.edu' },
 *   to: { name: 'Дмитрий Иванов', address: 'd.ivanov@example.com' },
 *   subject: 'Thank you — informational interview on January 14',
 *   date: new Date('2027-01-14T16:30:00Z'), messageId: '<2fb79…@interview-kit.invalid>', boundary: '2fb79…',
 * });
 */
import { createMimeMessage, type Mailbox, type MIMEMessage } from 'mimetext/browser';
import type { Root } from '../../tree/types.js';
import { writeText } from '../text/index.js';
import { writeHtmlBody } from './html-body.js';

/** A person in an address header. Without an address they are left out (a draft may have no To). */
export interface EmlAddress {
  readonly name: string;
  readonly address?: string;
}

/** The headers of the draft. */
export interface EmlMessage {
  readonly from?: EmlAddress;
  readonly to?: EmlAddress;
  readonly subject: string;
  /** The Date header. */
  readonly date: Date;
  /** "<id@domain>", stable for the same input. */
  readonly messageId: string;
  /** The shared part of the multipart boundaries (letters and digits), stable for the same input. */
  readonly boundary: string;
  /** Add a text/html alternative to the text/plain body (default true). */
  readonly html?: boolean;
}

/** Thrown when the message cannot be built; the message says which header to fix. */
export class EmlBuildError extends Error {
  constructor(detail: string) {
    super(`could not write the email draft: ${detail}; check the student's and mentor's email addresses`);
    this.name = 'EmlBuildError';
  }
}

const CRLF = '\r\n';
const LINE = 78;
/** UTF-8 bytes per encoded-word: 42 bytes are 56 base64 characters, so "Subject: " and one word fit in 78 columns. */
const WORD_BYTES = 42;
const utf8 = new TextEncoder();

/** Splits text into RFC 2047 encoded-words of whole characters. */
function encodedWords(message: MIMEMessage, text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (chunk && utf8.encode(chunk + char).length > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${message.toBase64(word)}?=`);
}

/** Joins a header's tokens with spaces, folding before a token that would pass column 78. */
function fold(header: string, tokens: readonly string[]): string {
  const lines = [`${header}:`];
  for (const token of tokens) {
    if (lines.at(-1)!.length + 1 + token.length > LINE && lines.at(-1) !== `${header}:`) lines.push('');
    lines[lines.length - 1] += ` ${token}`;
  }
  return lines.join(CRLF).slice(header.length + 2);
}

/** Base64 in lines of 76 characters. */
function base64Lines(message: MIMEMessage, text: string): string {
  return (message.toBase64(text).match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Writes the tree as an unsent email draft and returns its bytes (CRLF line ends). */
export async function writeEml(tree: Root, message: EmlMessage): Promise<Uint8Array> {
  try {
    const mail = createMimeMessage();
    const encode = (header: string) => (value: unknown): string =>
      typeof value === 'string'
        ? fold(header, encodedWords(mail, value))
        : fold(header, ([value].flat() as Mailbox[]).flatMap((box) => [...encodedWords(mail, box.name), `<${box.addr}>`]));
    // mimetext writes a name or subject as one encoded-word however long (RFC 2047 allows 75
    // characters); these headers are written here, in words folded to 78 columns.
    for (const field of mail.headers.fields) {
      if (field.name === 'From' || field.name === 'To' || field.name === 'Subject') field.dump = encode(field.name);
      // A draft may not know the student's address yet: then it has no From.
      if (field.name === 'From' && !message.from?.address) field.required = false;
    }
    if (message.from?.address) mail.setSender({ name: message.from.name, addr: message.from.address });
    if (message.to?.address) mail.setTo({ name: message.to.name, addr: message.to.address });
    mail.setSubject(message.subject);
    mail.setHeader('Date', message.date.toUTCString().replace('GMT', '+0000'));
    mail.setHeader('Message-ID', message.messageId);
    mail.setHeader('X-Unsent', '1');
    // Base64 has no "-", so these never occur in a body.
    const boundary = message.boundary;
    mail.boundaries = { mixed: `${boundary}-mixed`, alt: `${boundary}-alt`, related: `${boundary}-related` };
    const body = (text: string) => base64Lines(mail, text.replace(/\r?\n/g, CRLF));
    mail.addMessage({ contentType: 'text/plain', encoding: 'base64', data: body(writeText(tree)) });
    if (message.html !== false) mail.addMessage({ contentType: 'text/html', encoding: 'base64', data: body(writeHtmlBody(tree)) });
    return utf8.encode(`${mail.asRaw()}${CRLF}`);
  } catch (error) {
    throw new EmlBuildError(error instanceof Error ? error.message : String(error));
  }
}
