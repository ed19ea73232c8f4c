// Integration tests start databases and Temporal workers in hooks; `testTimeout`
// in the project config does not reach hooks, jest.setTimeout here does.
jest.setTimeout(120_000);
