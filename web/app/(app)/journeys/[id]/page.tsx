import type { Metadata } from 'next';
import { JourneyBuilder } from '../_builder/JourneyBuilder';

export const metadata: Metadata = { title: 'Journey builder' };

export default async function JourneyBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JourneyBuilder journeyId={id} />;
}
