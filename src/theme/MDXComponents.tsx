import MDXComponents from '@theme-original/MDXComponents';
import RunbookCard from '@site/src/components/RunbookCard';

export default {
  ...MDXComponents,
  RunbookCard,
};
