import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from './schema';

it('api/schema.graphql matches the code (run `npm run schema:print -w @tideflow/api` after changing the schema)', () => {
  const committed = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(`${printSchema(schema)}\n`).toBe(committed);
});
