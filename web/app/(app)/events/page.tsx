import type { Metadata } from 'next';
import { EventCatalog } from './_components/EventCatalog';

export const metadata: Metadata = { title: 'Events' };

export default function EventsPage() {
  return <EventCatalog />;
}
