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

export async function loadChannelConfig(prisma: PrismaClient, secrets: SecretBox, workspaceId: string): Promise<ChannelConfig> {
  // Read by every send and webhook step: on the driver, not Prisma's query compiler.
  const { rows } = await sqlDriverOf(prisma).query<ChannelSettings>(`SELECT * FROM "ChannelSettings" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
  const settings = rows[0];
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
