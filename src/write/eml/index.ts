/**
 * The email writer: document tree → an unsent draft (.eml, RFC 5322) that mail
 * clients open ready to edit and send (`X-Unsent: 1`: Outlook opens it as a
 * draft; Thunderbird and Apple Mail open it as a message to forward or edit).
 *
 * The MIME structure, RFC 2047 encoded-words for non-ASCII names and subjects,
 * and quoted-printable UTF-8 bodies come from nodemailer's MailComposer. The
 * Date header, Message-ID and multipart boundaries come from the caller, so
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
import MailComposer from 'nodemailer/lib/mail-composer';
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

/** Thrown when MailComposer cannot build the message; the message says which header to fix. */
export class EmlBuildError extends Error {
  constructor(detail: string) {
    super(`could not write the email draft: ${detail}; check the student's and mentor's email addresses`);
    this.name = 'EmlBuildError';
  }
}

function addressOf(person: EmlAddress | undefined): { name: string; address: string } | undefined {
  return person?.address ? { name: person.name, address: person.address } : undefined;
}

/** Writes the tree as an unsent email draft and returns its bytes (CRLF line ends). */
export async function writeEml(tree: Root, message: EmlMessage): Promise<Uint8Array> {
  const from = addressOf(message.from);
  const to = addressOf(message.to);
  const composer = new MailComposer({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    subject: message.subject,
    date: message.date,
    messageId: message.messageId,
    baseBoundary: message.boundary,
    boundaryPrefix: '----=_interview-kit',
    newline: 'win',
    headers: { 'X-Unsent': '1' },
    text: { content: writeText(tree), contentType: 'text/plain; charset=utf-8' },
    ...(message.html === false ? {} : { html: { content: writeHtmlBody(tree), contentType: 'text/html; charset=utf-8' } }),
  });
  try {
    const node = composer.compile();
    // Drafts carry no envelope-only headers: no Bcc, no X-Mailer.
    return new Uint8Array(await node.build());
  } catch (error) {
    throw new EmlBuildError(error instanceof Error ? error.message : String(error));
  }
}
