import { renderTemplate, type TemplateScope } from '@tideflow/domain/templates';
import type { HttpRequest } from './httpRequest';

export interface HttpTemplate {
  url: string;
  method: string;
  headers: Array<{ name: string; value: string }>;
  body?: string;
  fields?: Array<{ key: string; value: string }>;
}

export class InvalidRenderedUrl extends Error {
  override name = 'InvalidRenderedUrl';
}

/**
 * Renders a webhook: URL, headers, and either the body template or the field
 * mapping (a JSON object of rendered values). Workspace default headers come
 * first; the step's own headers override them.
 */
export async function renderHttpRequest(template: HttpTemplate, scope: TemplateScope, defaults: { headers: Array<{ name: string; value: string }>; timeoutSeconds: number }, idempotencyKey: string): Promise<HttpRequest> {
  const url = (await renderTemplate(template.url, scope)).trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidRenderedUrl(`the URL rendered to "${url.slice(0, 200)}", which is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidRenderedUrl(`the URL must be http or https (got ${parsed.protocol})`);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tideflow-Webhook/1.0', 'idempotency-key': idempotencyKey };
  for (const header of defaults.headers) headers[header.name.toLowerCase()] = header.value;
  for (const header of template.headers) headers[header.name.toLowerCase()] = (await renderTemplate(header.value, scope)).replace(/[\r\n]/g, ' ');
  let body: string | undefined;
  if (template.fields?.length) {
    const object: Record<string, string> = {};
    for (const field of template.fields) object[field.key] = await renderTemplate(field.value, scope);
    body = JSON.stringify(object);
  } else if (template.body !== undefined) {
    body = await renderTemplate(template.body, scope);
  } else if (template.method !== 'GET' && template.method !== 'DELETE') {
    body = JSON.stringify({ user: scope.user, event: scope.event, journey: scope.journey });
  }
  return { url, method: template.method, headers, ...(body !== undefined ? { body } : {}), timeoutMs: defaults.timeoutSeconds * 1000 };
}
