import cycle from './cycles/iam.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
