/**
 * Stands in for nodemailer's MailComposer in the page's bundle: it is built
 * on Node's streams, so the browser edition writes no .eml drafts (the
 * letter's text is offered to copy instead).
 */
export default class MailComposer {
  constructor() {
    throw new Error('email drafts (.eml) are written by the command line');
  }
}
