// The chaos run with two workers (test/chaos/suite.ts; three in chaos-3-workers.test.ts: a file's
// tests share one 300 s budget, and at load 28 on 2 cores one run took 171 s).
import { chaosTest } from '../chaos/suite.ts';

chaosTest(2);
