import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyWebhook } from '../../src-main/services/partnerNotices/webhookSignature';

// Receivers the partner-notice tests start themselves: a webhook endpoint that verifies the
// signature as a partner would (and drops a notice id it already processed), and an SMTP server.

export interface ReceivedWebhook {
  noticeId: string | undefined;
  signature: string | undefined;
  body: string;
  verified: boolean;
  status: number;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedWebhook[];
  /** Notices acted on: each id once, however often it arrived. */
  processed: Map<string, unknown>;
  /** The status codes to answer the next requests with (then 200). */
  answer(...statuses: number[]): void;
  /** Keeps the next request open without an answer; resolves when it has arrived. */
  holdNext(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string, now: () => number): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const processed = new Map<string, unknown>();
  const statuses: number[] = [];
  const held: ServerResponse[] = [];
  let hold: (() => void) | null = null;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = request.headers['x-leitstand-signature'];
      const noticeId = request.headers['x-leitstand-notice-id'];
      const verified = verifyWebhook(secret, body, typeof header === 'string' ? header : undefined, now()).ok;
      if (hold) {
        const arrived = hold;
        hold = null;
        requests.push({ noticeId: String(noticeId), signature: String(header), body, verified, status: 0 });
        held.push(response);
        arrived();
        return;
      }
      const status = verified ? (statuses.shift() ?? 200) : 401;
      requests.push({ noticeId: String(noticeId), signature: String(header), body, verified, status });
      if (status === 200 && typeof noticeId === 'string' && !processed.has(noticeId)) {
        processed.set(noticeId, JSON.parse(body));
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/leitstand/notices`,
    requests,
    processed,
    answer: (...codes) => statuses.push(...codes),
    holdNext: () => new Promise<void>((resolve) => (hold = resolve)),
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(source[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  const encoded = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(encoded)
      : encoding === 'base64'
        ? Buffer.from(encoded, 'base64').toString('utf8')
        : encoded;
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({
          from: from ? from.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
