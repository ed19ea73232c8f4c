import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state changes and other INFO chatter would drown test output.
Runtime.install({ logger: new DefaultLogger('WARN') });
