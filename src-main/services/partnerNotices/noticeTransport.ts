import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database, NoticeChannelKind } from '../../db/schema';
import { readSmtpSettings } from './smtpSettings';
import { NOTICE_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhookSignature';

// How a queued notice leaves the plant: a signed JSON POST to the partner's webhook, or an e-mail
// through the plant's SMTP server. Both carry the notice id, stable across attempts, so a
// receiver can drop a notice it already has (see webhookSignature.ts).

export interface OutgoingNotice {
  id: string;
  partnerId: string;
  kind: string;
  channel: NoticeChannelKind;
  address: string;
  language: string;
  subject: string;
  body: string;
  payload: string;
  createdAt: number;
}

export interface NoticeTransport {
  /** Resolves once the receiver took the notice; rejects with a reason a person can read. */
  send(notice: OutgoingNotice, secret: string | null, signal: AbortSignal): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 300;

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/** The exact body a webhook receives: the same bytes on every attempt. */
export function webhookBody(notice: OutgoingNotice): string {
  return JSON.stringify({
    id: notice.id,
    kind: notice.kind,
    partnerId: notice.partnerId,
    language: notice.language,
    createdAt: new Date(notice.createdAt).toISOString(),
    subject: notice.subject,
    text: notice.body,
    data: JSON.parse(notice.payload) as unknown,
  });
}

export function standardTransport(db: Kysely<Database>, wallNow: () => number = Date.now): NoticeTransport {
  return {
    async send(notice, secret, signal) {
      if (notice.channel === 'webhook') {
        if (!secret) throw new Error('The webhook has no signing secret.');
        const body = webhookBody(notice);
        const response = await fetch(notice.address, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [SIGNATURE_HEADER]: signWebhook(secret, body, wallNow()),
            [NOTICE_ID_HEADER]: notice.id,
            'user-agent': 'Leitstand-Notices/1',
          },
          body,
          redirect: 'error',
          signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
        });
        // The body is not needed; drain it so the connection is released.
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok) throw new Error(`The webhook answered HTTP ${response.status}.`);
        return;
      }
      const smtp = await readSmtpSettings(db);
      if (!smtp) throw new Error('No SMTP server is set up (settings smtp.*).');
      const transporter = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        connectionTimeout: WEBHOOK_TIMEOUT_MS,
        greetingTimeout: WEBHOOK_TIMEOUT_MS,
        socketTimeout: WEBHOOK_TIMEOUT_MS,
      });
      const onAbort = () => transporter.close();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await transporter.sendMail({
          from: smtp.from,
          to: notice.address,
          subject: notice.subject,
          text: notice.body,
          messageId: `<${notice.id}@leitstand>`,
          headers: { 'X-Leitstand-Notice-Id': notice.id, 'X-Leitstand-Notice-Kind': notice.kind },
        });
      } finally {
        signal.removeEventListener('abort', onAbort);
        transporter.close();
      }
    },
  };
}
