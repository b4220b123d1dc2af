/** Rules that look at one block at a time, in the order they report. */
import { checkShape } from './check-shape.ts';
import { kindEffect } from './kind-effect.ts';
import { missingCommand } from './missing-command.ts';
import { paramNames } from './param-names.ts';
import type { BlockRule } from './types.ts';

export const blockRules: BlockRule[] = [
  missingCommand,
  checkShape,
  kindEffect,
  paramNames,
];
