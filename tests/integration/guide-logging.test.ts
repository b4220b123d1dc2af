import cycle from './cycles/logging.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
