import cycle from './cycles/cloudtrail.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
