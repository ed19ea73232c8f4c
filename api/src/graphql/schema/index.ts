import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder';
import './scalars';
import './root';
import './workspace';
import './user';
import './event';
import './eventDefinition';
import './eventGroup';
import './attributeDefinition';
import './apiKey';
import './ingestionMutations';
import './maintenance';
import './journeyRun';
import './journey';
import './journeyMutations';
import './journeyTrigger';
import './journeyTemplatePreview';
import './message';
import './channelSettings';
import './segment';
import './segmentMutations';
import './segmentUpload';
import './account';
import './overview';

/** The whole GraphQL schema, assembled from one file per type. */
export const schema = lexicographicSortSchema(builder.toSchema());
