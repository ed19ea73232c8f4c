'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { PageHeader } from '@/components/PageHeader';
import { Tabs } from '@/components/Tabs';
import { useViewer } from '@/lib/viewer';
import { ApiKeys } from './ApiKeys';
import { Channels } from './Channels';
import { Members } from './Members';

const tabs = [
  { key: 'api-keys', label: 'API keys' },
  { key: 'channels', label: 'Channels' },
  { key: 'members', label: 'Members' },
] as const;
type TabKey = (typeof tabs)[number]['key'];

const roleText = { ADMIN: 'an admin', EDITOR: 'an editor', VIEWER: 'a viewer' } as const;

export function Settings() {
  const viewer = useViewer();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const requested = params.get('tab');
  const tab: TabKey = tabs.some((t) => t.key === requested) ? (requested as TabKey) : 'api-keys';

  return (
    <>
      <PageHeader eyebrow="Workspace" title="Settings" meta={`${viewer.workspace.name} · you are ${roleText[viewer.role]}`} />
      <Tabs<TabKey> label="Settings" tabs={tabs} selected={tab} onSelect={(key) => router.replace(`${pathname}?tab=${key}`, { scroll: false })}>
        {tab === 'api-keys' ? <ApiKeys /> : null}
        {tab === 'channels' ? <Channels /> : null}
        {tab === 'members' ? <Members /> : null}
      </Tabs>
    </>
  );
}
