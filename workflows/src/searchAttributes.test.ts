import { searchAttributeFlags } from './searchAttributes';

it('the dev server registers every search attribute the workflows use', async () => {
  const { searchAttributeFlags: startedWith } = await import('../../scripts/lib/temporalServer.mjs');
  expect(startedWith).toEqual(searchAttributeFlags);
});
