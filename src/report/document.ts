/**
 * A report as a list of blocks (headings, paragraphs, tables, figures, lists), rendered to Markdown
 * and to one self-contained HTML file (figures inlined as SVG). One structure, two renderings, so the
 * two files cannot say different things.
 */

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'code'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][]; align?: Array<'left' | 'right'> }
  | { type: 'figure'; name: string; caption: string; svgPath: string; pngPath?: string; specPath: string };

/**
 * Inline markup in paragraph text: `code` only. Everything else is escaped, so source text (labels,
 * citation titles) can never inject HTML.
 */
function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${b.text}`);
        break;
      case 'paragraph':
        out.push(b.text);
        break;
      case 'code':
        out.push('```', b.text, '```');
        break;
      case 'list':
        out.push(b.items.map((i) => `- ${i}`).join('\n'));
        break;
      case 'table': {
        const align = b.header.map((_, i) => (b.align?.[i] === 'right' ? '---:' : '---'));
        out.push([`| ${b.header.map(mdCell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n'));
        break;
      }
      case 'figure':
        out.push(`![${b.caption}](${b.svgPath})`, `*${b.caption}* (${[b.pngPath ? `[PNG](${b.pngPath})` : '', `[Vega-Lite spec](${b.specPath})`].filter(Boolean).join(', ')})`);
        break;
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Makes the ids of one SVG unique inside an HTML page that inlines several: Vega names clip paths
 * clip1, clip2… in every figure, and url(#clip1) would otherwise resolve to the first figure's.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(xlink:href|href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
}

const STYLE = `
body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; max-width: 1180px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: left; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #444; font-size: 0.9em; }
code { background: #f4f4f4; padding: 0 0.2em; } pre { background: #f4f4f4; padding: 0.6em; overflow-x: auto; }
`;

export function toHtml(blocks: readonly Block[], title: string, svgs: ReadonlyMap<string, string>): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        body.push(`<p>${inlineHtml(b.text)}</p>`);
        break;
      case 'code':
        body.push(`<pre><code>${escapeHtml(b.text)}</code></pre>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const cls = (i: number) => (b.align?.[i] === 'right' ? ' class="r"' : '');
        body.push(
          `<table><thead><tr>${b.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
        break;
      }
      case 'figure': {
        const svg = svgs.get(b.name);
        const links = [b.pngPath ? `<a href="${escapeHtml(b.pngPath)}">PNG</a>` : '', `<a href="${escapeHtml(b.svgPath)}">SVG</a>`, `<a href="${escapeHtml(b.specPath)}">Vega-Lite spec</a>`].filter(Boolean).join(' · ');
        body.push(`<figure id="figure-${escapeHtml(b.name)}">${svg ? prefixSvgIds(svg.replace(/^<\?xml[^>]*>\s*/, ''), b.name) : ''}<figcaption>${escapeHtml(b.caption)} (${links})</figcaption></figure>`);
        break;
      }
    }
  }
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
