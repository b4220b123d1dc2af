import cycle from './cycles/developer-accounts.ts';
import { testCycle } from './cycle.ts';
testCycle(cycle);
