/**
 * Attributes Tideflow keeps as columns of every user, captured from traits and
 * from the `context` of each call. Everything else is a custom trait.
 */
export const systemAttributeTypes = {
  email: 'STRING',
  phone: 'STRING',
  timezone: 'STRING',
  locale: 'STRING',
  country: 'STRING',
  city: 'STRING',
  region: 'STRING',
  platform: 'STRING',
  os: 'STRING',
  browser: 'STRING',
  deviceType: 'STRING',
  deviceModel: 'STRING',
  appVersion: 'STRING',
  ip: 'STRING',
  library: 'STRING',
  firstSeenAt: 'DATE',
  lastSeenAt: 'DATE',
} as const;

export type SystemAttributeName = keyof typeof systemAttributeTypes;
export const systemAttributeNames = Object.keys(systemAttributeTypes) as SystemAttributeName[];

/** The system attributes a call can set (seen-at times are derived from event times). */
export type CapturedAttributes = Partial<Record<Exclude<SystemAttributeName, 'firstSeenAt' | 'lastSeenAt'>, string>>;

export const systemAttributeDisplayNames: Record<SystemAttributeName, string> = {
  email: 'Email',
  phone: 'Phone',
  timezone: 'Time zone',
  locale: 'Locale',
  country: 'Country',
  city: 'City',
  region: 'Region',
  platform: 'Platform',
  os: 'Operating system',
  browser: 'Browser',
  deviceType: 'Device type',
  deviceModel: 'Device model',
  appVersion: 'App version',
  ip: 'IP address',
  library: 'Tracking library',
  firstSeenAt: 'First seen',
  lastSeenAt: 'Last seen',
};

export function isSystemAttributeName(name: string): name is SystemAttributeName {
  return Object.hasOwn(systemAttributeTypes, name);
}
