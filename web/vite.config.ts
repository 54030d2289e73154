/**
 * The static page: `vite web` serves it, `vite build web` writes web/dist. It imports the engine
 * straight from ../src (TypeScript, no Node APIs), so the page computes exactly what the CLI does.
 * The build is one self-contained index.html (script, styles and the sweep worker inlined, no
 * external URLs), so it works offline: from any static server, or opened straight from disk.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * Moves the entry script and the stylesheet into index.html. Browsers refuse module scripts and
 * stylesheets fetched from file:// pages (origin "null"), but run inline ones.
 */
function inlineIntoHtml(): Plugin {
  return {
    name: 'limbound-inline-into-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return;
      let html = String(page.source);
      for (const [file, item] of Object.entries(bundle)) {
        if (item.type === 'chunk' && item.isEntry) {
          const tag = new RegExp(`<script type="module" crossorigin src="\\./${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"></script>`);
          if (!tag.test(html)) continue;
          if (/<\/script|<!--/i.test(item.code)) throw new Error(`${file}: cannot be inlined safely (contains </script or <!--)`);
          html = html.replace(tag, () => `<script type="module">${item.code}</script>`);
          delete bundle[file];
        } else if (item.type === 'asset' && file.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`);
          if (!tag.test(html)) continue;
          html = html.replace(tag, () => `<style>${String(item.source)}</style>`);
          delete bundle[file];
        }
      }
      page.source = html;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [inlineIntoHtml()],
  server: { host: '127.0.0.1', fs: { allow: [repo] } },
  preview: { host: '127.0.0.1' },
  // A classic (IIFE) worker: Chromium refuses module workers from blob: URLs on file:// pages.
  worker: { format: 'iife' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    modulePreload: false,
  },
});
