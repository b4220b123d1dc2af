import cycle from './cycles/root-user.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
