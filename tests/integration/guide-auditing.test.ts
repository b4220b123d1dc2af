import cycle from './cycles/auditing.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
