/** The lint rules, in the order they report within a block. */
import type { LintRuleId } from '../catalog.ts';
import type { LintRule } from '../types.ts';
import { awsEnum } from './aws-enum.ts';
import { awsOperation } from './aws-operation.ts';
import { awsOption } from './aws-option.ts';
import { awsRequired } from './aws-required.ts';
import { awsService } from './aws-service.ts';
import { awsValueType } from './aws-value-type.ts';
import { backtickInQuotes } from './backtick-in-quotes.ts';
import { checkOutputFormat } from './check-output-format.ts';
import { checkPagination } from './check-pagination.ts';
import { credentialOperation } from './credential-operation.ts';
import { expectValueType } from './expect-value-type.ts';
import { hardcodedAccountId } from './hardcoded-account-id.ts';
import { hiddenFailure } from './hidden-failure.ts';
import { promptInCommand } from './prompt-in-command.ts';
import { queryField } from './query-field.ts';
import { queryQuotedIdentifier } from './query-quoted-identifier.ts';
import { querySyntax } from './query-syntax.ts';
import { queryValue } from './query-value.ts';
import { readOnlyOperation } from './read-only-operation.ts';
import { undeclaredParam } from './undeclared-param.ts';
import { unusedParam } from './unused-param.ts';

export const blockLintRules: Array<[LintRuleId, LintRule]> = [
  ['aws-service', awsService],
  ['aws-operation', awsOperation],
  ['aws-option', awsOption],
  ['aws-required', awsRequired],
  ['aws-enum', awsEnum],
  ['aws-value-type', awsValueType],
  ['query-syntax', querySyntax],
  ['query-field', queryField],
  ['query-quoted-identifier', queryQuotedIdentifier],
  ['query-value', queryValue],
  ['expect-value-type', expectValueType],
  ['read-only-operation', readOnlyOperation],
  ['credential-operation', credentialOperation],
  ['hidden-failure', hiddenFailure],
  ['backtick-in-quotes', backtickInQuotes],
  ['prompt-in-command', promptInCommand],
  ['hardcoded-account-id', hardcodedAccountId],
  ['check-output-format', checkOutputFormat],
  ['check-pagination', checkPagination],
  ['undeclared-param', undeclaredParam],
  ['unused-param', unusedParam],
];
