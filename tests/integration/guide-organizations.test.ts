import cycle from './cycles/organizations.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
