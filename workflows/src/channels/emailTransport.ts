import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from './channelConfig';

export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text?: string;
  /** Sent as a header too, so the receiving side can deduplicate. */
  idempotencyKey: string;
}

export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

const transports = new Map<string, Transporter>();

function transportFor(smtp: SmtpConfig): Transporter {
  const key = JSON.stringify(smtp);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      // Local and test servers often have self-signed certificates; STARTTLS is still used when offered.
      tls: { rejectUnauthorized: process.env.TIDEFLOW_SMTP_STRICT_TLS === '1' },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    if (transports.size > 100) transports.clear();
    transports.set(key, transport);
  }
  return transport;
}

/** Sends through SMTP. 5xx answers are permanent (no retry); connection problems and 4xx are worth retrying. */
export async function sendSmtp(smtp: SmtpConfig, email: OutgoingEmail): Promise<{ providerMessageId: string }> {
  try {
    const info = await transportFor(smtp).sendMail({
      from: email.from,
      to: email.to,
      replyTo: email.replyTo,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: { 'X-Tideflow-Idempotency-Key': email.idempotencyKey },
    });
    return { providerMessageId: String(info.messageId ?? '') };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    if (code && code >= 500) throw new PermanentSendError(`SMTP ${code}: ${(error as Error).message}`);
    throw error;
  }
}
