import type { IncomingMessage, ServerResponse } from 'node:http';
import { fieldIssues } from '../api/registry';
import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';
import { sendJson } from '../server/jsonAnswers';
import type { VerifiedPartnerToken } from '../services/accessTokens/partnerTokens';
import { sendEmptyOk, sendRefusal } from './answers';
import type { IngestChangeFeed } from './changeFeed';
import type { IngestCollaborators } from './collaborators';
import type { DeviceDeliveries } from './deviceDeliveries';
import { type InputIssue, parseOsmandRequest } from './osmand';
import { openPartnerDeliveries } from './partnerDeliveries';
import { shippingNoticeSchema, statusEventSchema, toShippingNotice } from './partnerSchemas';
import type { PositionBatcher } from './positionBatcher';
import { bodyKind, NOTICE_BODY_LIMIT, POSITION_BODY_LIMIT, parseJsonText, readBodyText } from './requestBody';
import { applyStatusEvent } from './statusEvents';

// The ingest routes. Each one gets a verified partner token; each reads its body under a size
// cap, parses it with a schema and refuses with what is wrong and where.

export interface IngestRoutes {
  ctx: AppContext;
  feed: IngestChangeFeed;
  batcher: PositionBatcher;
  devices: DeviceDeliveries;
  collaborators: IngestCollaborators;
}

export type RouteHandler = (
  routes: IngestRoutes,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  partner: VerifiedPartnerToken,
) => Promise<void>;

function refuseInput(response: ServerResponse, issues: InputIssue[]) {
  const first = issues[0];
  const message = first ? `${first.field} (${first.where}): ${first.message}` : 'The request is not valid.';
  sendRefusal(response, 'INVALID_INPUT', message, { issues });
}

/** Parses a JSON body with a schema; a refusal names the field and says it was in the body. */
async function readJson<T>(
  request: IncomingMessage,
  limit: number,
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
): Promise<{ ok: true; value: T } | { ok: false; issues: InputIssue[] }> {
  const text = await readBodyText(request, limit);
  if (bodyKind(request.headers['content-type'], text) !== 'json') {
    return {
      ok: false,
      issues: [{ field: '(body)', where: 'JSON body', message: 'send a JSON object as application/json' }],
    };
  }
  const parsed = schema.safeParse(parseJsonText(text));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: fieldIssues(parsed.error).map((issue) => ({
      field: issue.field === '(input)' ? '(body)' : issue.field,
      where: 'JSON body',
      message: issue.message,
    })),
  };
}

export const handleOsmand: RouteHandler = async (routes, request, response, url, partner) => {
  const text = request.method === 'POST' ? await readBodyText(request, POSITION_BODY_LIMIT) : '';
  const kind = bodyKind(request.headers['content-type'], text);
  const parsed = parseOsmandRequest({
    query: url.searchParams,
    form: kind === 'form' ? new URLSearchParams(text) : null,
    json: kind === 'json' ? parseJsonText(text) : undefined,
    now: routes.ctx.clock.now(),
  });
  if (!parsed.ok) {
    refuseInput(response, parsed.issues);
    return;
  }
  const outcomes = await routes.batcher.submit(
    parsed.reports.map((report) => ({ partnerId: partner.partnerId, report })),
  );
  if (outcomes.includes('failed')) {
    sendRefusal(response, 'INTERNAL', 'The position could not be stored; the error was logged.');
  } else if (outcomes.every((outcome) => outcome === 'no_delivery')) {
    // The same answer whether the device is unknown or belongs to another partner's truck.
    sendRefusal(response, 'NOT_FOUND', 'There is no delivery for this device.');
  } else {
    sendEmptyOk(response);
  }
};

export const handleStatus: RouteHandler = async (routes, request, response, _url, partner) => {
  const parsed = await readJson(request, POSITION_BODY_LIMIT, statusEventSchema);
  if (!parsed.ok) {
    refuseInput(response, parsed.issues);
    return;
  }
  const answer = applyStatusEvent(routes.ctx, routes.collaborators, partner.partnerId, parsed.value);
  if (answer.changed) routes.feed.deliveriesChanged([answer.deliveryId]);
  sendJson(response, 200, { ok: true, value: answer });
};

export const handleNotice: RouteHandler = async (routes, request, response, _url, partner) => {
  const parsed = await readJson(request, NOTICE_BODY_LIMIT, shippingNoticeSchema);
  if (!parsed.ok) {
    refuseInput(response, parsed.issues);
    return;
  }
  let outcome: ReturnType<IngestCollaborators['applyShippingNotices']>;
  try {
    outcome = routes.collaborators.applyShippingNotices(
      routes.ctx,
      [toShippingNotice(parsed.value, partner.partnerId)],
      {
        source: 'partner',
        format: 'json',
        actor: `partner:${partner.partnerId}`,
        restrictToPartnerId: partner.partnerId,
      },
    );
  } catch (error) {
    if (error instanceof DomainError) {
      sendRefusal(response, error.code, error.message, error.details);
      return;
    }
    throw error;
  }
  // A notice may name the device its truck carries: map devices afresh. (The import itself tells
  // the views of the deliveries it wrote.)
  routes.devices.forget();
  sendJson(response, 200, { ok: true, value: outcome });
};

export const handleDeliveries: RouteHandler = async (routes, request, response, _url, partner) => {
  request.resume();
  const deliveries = openPartnerDeliveries(routes.ctx.database.sqlite, partner.partnerId);
  sendJson(response, 200, { ok: true, value: { at: routes.ctx.clock.now(), deliveries } });
};
