import type { NodeTypes } from '@xyflow/react';
import { nodeKinds } from '../nodeCatalog';
import JourneyNodeCard from './JourneyNodeCard';

/** Every journey node type drawn by the same card; defined once, outside render (React Flow requires a stable object). */
export const nodeTypes: NodeTypes = Object.fromEntries(nodeKinds.map((kind) => [kind.type, JourneyNodeCard]));
