/**
 * JMESPath, as the AWS CLI's `--query` and the checks' expectations read it.
 */
import jmespath from 'jmespath';

const api = jmespath as unknown as {
  compile(expression: string): unknown;
  search(data: unknown, expression: string): unknown;
};

/** Throws with the parser's reason when `expression` is not JMESPath. */
export function compileQuery(expression: string): void {
  api.compile(expression);
}

/** Evaluates `expression` against parsed JSON. */
export function searchJson(data: unknown, expression: string): unknown {
  return api.search(data, expression);
}
