import type { Metadata } from 'next';
import { UserProfile } from './_components/UserProfile';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UserProfile id={decodeURIComponent(id)} />;
}
