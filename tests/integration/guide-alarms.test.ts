import cycle from './cycles/alarms.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
