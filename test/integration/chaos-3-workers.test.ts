// The chaos run with three workers (test/chaos/suite.ts).
import { chaosTest } from '../chaos/suite.ts';

chaosTest(3);
