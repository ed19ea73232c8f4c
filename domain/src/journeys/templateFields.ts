import type { JourneyNode } from './journeyNodes';

/** Every Liquid template a node carries, with its path under `settings`. */
export function templateFieldsOf(node: JourneyNode): Array<{ path: string; source: string }> {
  const fields: Array<{ path: string; source: string }> = [];
  const add = (path: string, source: string | undefined) => {
    if (source !== undefined) fields.push({ path, source });
  };
  const addHttp = (settings: { url: string; headers: Array<{ value: string }>; body?: string; fields?: Array<{ value: string }> }) => {
    add('url', settings.url);
    settings.headers.forEach((header, index) => add(`headers.${index}.value`, header.value));
    add('body', settings.body);
    settings.fields?.forEach((field, index) => add(`fields.${index}.value`, field.value));
  };
  if (node.type === 'sendMessage') {
    const settings = node.settings;
    if (settings.channel === 'email') {
      add('subject', settings.subject);
      add('html', settings.html);
      add('text', settings.text);
      add('fromName', settings.fromName);
    } else {
      addHttp(settings);
    }
  } else if (node.type === 'webhook') {
    addHttp(node.settings);
  } else if (node.type === 'updateUser') {
    node.settings.updates.forEach((update, index) => {
      if (update.op === 'set' && typeof update.value === 'string') add(`updates.${index}.value`, update.value);
    });
  }
  return fields;
}
