import { z } from 'zod';

// Imported first by every module that builds a schema. The page's Content-Security-Policy
// forbids eval, and zod probes for it (new Function) the moment it builds an object schema
// unless told not to: even a caught probe is reported as a CSP violation. So jitless must be
// set before the first schema exists, in the page and in every worker alike.
z.config({ jitless: true });
