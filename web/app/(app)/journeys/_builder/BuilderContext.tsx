'use client';

import { systemAttributeDisplayNames, systemAttributeNames } from '@tideflow/domain';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { JourneyCatalog } from './queries';

/**
 * What every part of the builder reads and rarely changes: the journey, the
 * viewer's rights, and the workspace's catalog for pickers (event names,
 * attributes, segments). Pickers render shared <datalist>s (`listIds`).
 */
export interface BuilderInfo {
  journeyId: string;
  readOnly: boolean;
  /** The workspace's time zone (new schedules start in it). */
  timezone: string;
  events: ReadonlyArray<{ name: string; displayName: string }>;
  attributes: ReadonlyArray<{ name: string; displayName: string; system: boolean }>;
  segments: ReadonlyArray<{ id: string; name: string; kind: string; size: number }>;
  segmentName(id: string): string | undefined;
}

export const listIds = { events: 'journey-event-names', attributes: 'journey-attribute-names', timezones: 'journey-time-zones' } as const;

const BuilderContext = createContext<BuilderInfo | null>(null);

export function BuilderProvider({ journeyId, readOnly, timezone, catalog, children }: { journeyId: string; readOnly: boolean; timezone: string; catalog: JourneyCatalog | undefined; children: ReactNode }) {
  const value = useMemo<BuilderInfo>(() => {
    const known = new Map((catalog?.attributeDefinitions ?? []).map((a) => [a.name, { name: a.name, displayName: a.displayName, system: a.system }]));
    // System attributes are always there, even in a workspace that has not seen them yet.
    for (const name of systemAttributeNames) if (!known.has(name)) known.set(name, { name, displayName: systemAttributeDisplayNames[name], system: true });
    const segments = catalog?.segments ?? [];
    const names = new Map(segments.map((s) => [s.id, s.name]));
    return {
      journeyId,
      readOnly,
      timezone,
      events: (catalog?.eventDefinitions ?? []).map((e) => ({ name: e.name, displayName: e.displayName })),
      attributes: [...known.values()],
      segments,
      segmentName: (id) => names.get(id),
    };
  }, [journeyId, readOnly, timezone, catalog]);
  return <BuilderContext.Provider value={value}>{children}</BuilderContext.Provider>;
}

export function useBuilder(): BuilderInfo {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder() outside the journey builder');
  return value;
}

let timeZones: string[] | null = null;
function allTimeZones(): string[] {
  timeZones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return timeZones;
}

/** The <datalist>s pickers point at: rendered once per builder. */
export function CatalogLists() {
  const { events, attributes } = useBuilder();
  return (
    <>
      <datalist id={listIds.events}>
        {events.map((event) => (
          <option key={event.name} value={event.name}>
            {event.displayName !== event.name ? event.displayName : null}
          </option>
        ))}
      </datalist>
      <datalist id={listIds.attributes}>
        {attributes.map((attribute) => (
          <option key={attribute.name} value={attribute.name}>
            {`${attribute.displayName}${attribute.system ? ' (system)' : ''}`}
          </option>
        ))}
      </datalist>
      <datalist id={listIds.timezones}>
        {allTimeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
