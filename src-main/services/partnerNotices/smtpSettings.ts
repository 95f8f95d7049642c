import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import type { Database } from '../../db/schema';

// The mail server notices go out through, in the setting table under smtp.* (one key per field,
// JSON values). The password is write-only: reads say whether one is stored, never what it is.

const KEYS = {
  host: 'smtp.host',
  port: 'smtp.port',
  secure: 'smtp.secure',
  user: 'smtp.user',
  password: 'smtp.password',
  from: 'smtp.from',
} as const;

const stored = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string().nullable(),
  password: z.string().nullable(),
  from: z.string(),
});
export type SmtpSettings = z.infer<typeof stored>;

export interface SmtpSettingsView {
  configured: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  passwordSet: boolean;
  from: string;
}

export interface SmtpSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  /** undefined keeps the stored password, null removes it. */
  password?: string | null | undefined;
  from: string;
}

/** The full settings, password included: for the mail sender only, never for a procedure. */
export async function readSmtpSettings(db: Kysely<Database>): Promise<SmtpSettings | null> {
  const rows = await db
    .selectFrom('setting')
    .select(['key', 'value'])
    .where('key', 'like', 'smtp.%')
    .execute();
  const values: Record<string, unknown> = {};
  for (const row of rows) {
    const field = Object.entries(KEYS).find(([, key]) => key === row.key)?.[0];
    if (!field) continue;
    try {
      values[field] = JSON.parse(row.value);
    } catch {
      // An unreadable value counts as missing: the settings are then incomplete.
    }
  }
  values.user ??= null;
  values.password ??= null;
  const parsed = stored.safeParse(values);
  return parsed.success ? parsed.data : null;
}

export async function smtpSettingsView(ctx: AppContext): Promise<SmtpSettingsView> {
  const settings = await readSmtpSettings(ctx.database.db);
  if (!settings) {
    return {
      configured: false,
      host: '',
      port: 587,
      secure: false,
      user: null,
      passwordSet: false,
      from: '',
    };
  }
  const { password, ...rest } = settings;
  return { configured: true, ...rest, passwordSet: password !== null };
}

export async function writeSmtpSettings(ctx: AppContext, input: SmtpSettingsInput, actor: string) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const current = await readSmtpSettings(trx);
    const password = input.password === undefined ? (current?.password ?? null) : input.password;
    const values: SmtpSettings = { ...input, password };
    for (const [field, key] of Object.entries(KEYS) as [keyof SmtpSettings, string][]) {
      await trx
        .insertInto('setting')
        .values({ key, value: JSON.stringify(values[field]), updatedAt: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: JSON.stringify(values[field]), updatedAt: now }),
        )
        .execute();
    }
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'settings.smtp_changed',
        entityType: 'setting',
        entityId: 'smtp',
        payload: JSON.stringify({ host: input.host, port: input.port, from: input.from }),
      })
      .execute();
  });
  return smtpSettingsView(ctx);
}
