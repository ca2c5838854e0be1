import { z } from 'zod';

// A CLI process validates a few results: building zod's compiled fast path (done when each schema is made, so this
// module is imported first) costs more than it saves there, about 20 ms of a cold `extract`. Batch workers are
// threads with their own zod and keep the fast path for their thousands of results; so does the library.
z.config({ jitless: true });
