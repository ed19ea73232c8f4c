import { type ChannelSettings, type PrismaClient, sqlDriverOf } from '@tideflow/db';
import type { SecretBox } from '../secrets/secretBox';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
}

/** A workspace's channels, secrets opened: only activities see these. */
export interface ChannelConfig {
  smtp: SmtpConfig | null;
  fromEmail: string;
  fromName: string | null;
  webhookHeaders: Array<{ name: string; value: string }>;
  webhookTimeoutSeconds: number;
}

export const defaultFromEmail = 'no-reply@tideflow.local';

/** The `ChannelSettings` fields a send reads, as a row or as its `to_jsonb` (timestamps are left out). */
export type ChannelSettingsRow = Pick<ChannelSettings, 'smtpHost' | 'smtpPort' | 'smtpSecure' | 'smtpUser' | 'smtpPasswordSealed' | 'fromEmail' | 'fromName' | 'webhookHeadersSealed' | 'webhookTimeoutSeconds'>;

export async function loadChannelConfig(prisma: PrismaClient, secrets: SecretBox, workspaceId: string): Promise<ChannelConfig> {
  // Read by every test send: on the driver, not Prisma's query compiler. (Journey steps read it with their progress, runRecords.ts.)
  const { rows } = await sqlDriverOf(prisma).query<ChannelSettings>(`SELECT * FROM "ChannelSettings" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
  return channelConfigOf(rows[0] ?? null, secrets);
}

/** A workspace's stored channel settings (none: the defaults), secrets opened. */
export function channelConfigOf(settings: ChannelSettingsRow | null, secrets: SecretBox): ChannelConfig {
  const headers = settings?.webhookHeadersSealed ? (JSON.parse(secrets.open(settings.webhookHeadersSealed)) as Array<{ name: string; value: string }>) : [];
  return {
    smtp: settings?.smtpHost
      ? {
          host: settings.smtpHost,
          port: settings.smtpPort ?? (settings.smtpSecure ? 465 : 587),
          secure: settings.smtpSecure,
          user: settings.smtpUser,
          password: settings.smtpPasswordSealed ? secrets.open(settings.smtpPasswordSealed) : null,
        }
      : null,
    fromEmail: settings?.fromEmail ?? defaultFromEmail,
    fromName: settings?.fromName ?? null,
    webhookHeaders: headers,
    webhookTimeoutSeconds: settings?.webhookTimeoutSeconds ?? 10,
  };
}
