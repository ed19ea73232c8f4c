import type { Metadata } from 'next';
import { JourneyList } from './_list/JourneyList';

export const metadata: Metadata = { title: 'Journeys' };

export default function JourneysPage() {
  return <JourneyList />;
}
