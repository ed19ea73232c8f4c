import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema';

/** `npm run schema:print -w @tideflow/api`: rewrites api/schema.graphql from the code. */
export const schemaFile = path.resolve(__dirname, '..', '..', 'schema.graphql');
writeFileSync(schemaFile, `${printSchema(schema)}\n`);
console.log(`Wrote ${schemaFile}`);
