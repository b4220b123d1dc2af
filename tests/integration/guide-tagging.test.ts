import cycle from './cycles/tagging.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
