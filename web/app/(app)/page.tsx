import type { Metadata } from 'next';
import { WorkspaceOverview } from './_overview/WorkspaceOverview';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return <WorkspaceOverview />;
}
