import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { themes as prismThemes } from 'prism-react-renderer';
import pkg from './package.json';
import remarkRunbooks from './runbooks/remark-plugin.ts';
import runbookValidation from './src/plugins/runbook-validation.ts';

// One source for the site's address: package.json `homepage`, which the
// command line also reads for the URLs in `runbook export`.
const homepage = new URL(pkg.homepage);

const config: Config = {
  title: 'AWS Security Handbook',
  tagline: 'Set up and run a secure AWS environment, one checked step at a time',
  favicon: 'img/favicon.svg',
  url: homepage.origin,
  baseUrl: homepage.pathname,
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  markdown: {
    format: 'detect',
    mermaid: true,
    mdx1Compat: { comments: false, admonitions: false, headingIds: false },
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [[remarkRunbooks, { cwd: __dirname }]],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],

  themes: ['@docusaurus/theme-mermaid'],

  plugins: [
    runbookValidation,
    // The Mermaid theme imports its optional ELK layouts even when they are
    // not installed (facebook/docusaurus#11430); we use the default layout,
    // so the import resolves to nothing. Remove once the theme skips it.
    () => ({
      name: 'mermaid-without-elk',
      configureWebpack: () => ({
        resolve: { alias: { '@mermaid-js/layout-elk': false } },
      }),
    }),
  ],

  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'AWS Security Handbook',
      logo: { alt: '', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'handbook', position: 'left', label: 'Guides' },
        { to: '/docs/reference/runbook-format', label: 'Runbook format', position: 'left' },
      ],
    },
    footer: {
      style: 'light',
      copyright:
        'AWS Security Handbook. CIS control ids are cited for reference; ' +
        'the benchmark text belongs to the Center for Internet Security.',
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'json'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
