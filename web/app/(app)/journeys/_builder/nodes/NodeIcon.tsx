import type { JourneyNodeType } from '@tideflow/domain';
import { memo } from 'react';
import { nodeIconPaths as paths } from './nodeIconPaths';

/** A step type's line icon (nodeIconPaths), in the current colour. */
export const NodeIcon = memo(function NodeIcon({ type, size = 18 }: { type: JourneyNodeType; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[type]} />
    </svg>
  );
});
