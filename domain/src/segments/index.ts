export * from './closestNames';
export * from './rfm';
export * from './segmentDefinition';
export * from './segmentWindow';
export * from './sql/compileSegment';
export * from './validateSegment';
export * from './segmentDependencies';
export * from './csvRows';
