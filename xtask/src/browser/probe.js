// What a loaded page shows, gathered in the page and returned as JSON to checks.rs.
// Runs after the load event; waits for web fonts (KaTeX's) so sizes are final.
(async () => {
  await document.fonts.ready;
  const main = document.querySelector('main') || document.body;

  const brokenImages = [...document.images]
    .filter((img) => !(img.complete && img.naturalWidth > 0))
    .map((img) => img.getAttribute('src') || '(no src)');

  const figures = [...document.querySelectorAll('figure.generated')].map((fig, i) => {
    const svg = fig.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    const label = svg ? svg.getAttribute('aria-label') || '' : '';
    return { index: i + 1, svg: !!svg, width: box.width, height: box.height, label };
  });

  // The page's prose with code and rendered math taken out: any TeX left in it was not rendered.
  const prose = main.cloneNode(true);
  prose.querySelectorAll('pre, code, script, style, svg, .katex').forEach((e) => e.remove());
  const text = prose.textContent;
  const found = [];
  const patterns = [
    /\$\$[\s\S]+?\$\$/g,
    /\$[^$\s][^$\n]*?\$/g,
    /\\\(|\\\)|\\\[|\\\]/g,
    /\\(frac|tfrac|dfrac|cdot|times|log|approx|sum|prod|binom|mathrm|mathbf|text|left|right|sim|theta|le|ge|leq|geq)\b/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) found.push([m.index, m.index + m[0].length]);
  }
  // One snippet per stretch of text, however many patterns matched in it.
  found.sort((a, b) => a[0] - b[0]);
  const rawMath = [];
  let reachedTo = -1;
  for (const [start, end] of found) {
    if (start <= reachedTo) continue;
    reachedTo = end + 20;
    rawMath.push(text.slice(Math.max(0, start - 20), reachedTo).replace(/\s+/g, ' '));
  }

  // A claim's value read together with the words around it: a word of the value (not a
  // number) that the prose repeats right before or after it ("100 steps extra steps",
  // "0.86 test R² after … test R²") reads as a doubled phrase.
  const SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'is', 'per', 'for', 'by', 'with', 'as', 'x']);
  const words = (t) => (t.match(/[\p{L}\p{N}²³]+/gu) || []).map((w) => w.toLowerCase());
  const repeated = [];
  for (const value of main.querySelectorAll('span.claim')) {
    const block = value.closest('p, li, td, th, figcaption, dd');
    if (!block) continue;
    const anchor = value.closest('a') || value;
    const around = (atStart) => {
      const r = document.createRange();
      r.selectNodeContents(block);
      if (atStart) r.setEndBefore(anchor); else r.setStartAfter(anchor);
      return words(r.toString());
    };
    const own = words(value.textContent).filter((w) => /\p{L}/u.test(w) && w.length > 1 && !SMALL.has(w));
    if (own.length === 0) continue;
    const before = around(true).slice(-3);
    const after = around(false).slice(0, 3);
    const twice = own.filter((w) => before.includes(w) || after.includes(w));
    if (twice.length > 0) {
      repeated.push(`${before.join(' ')} [${value.textContent.trim()}] ${after.join(' ')} (repeats "${twice[0]}")`);
    }
  }

  const links = [...document.querySelectorAll('a[href]')]
    .filter((a) => !a.closest('#mdbook-searchresults'))
    .map((a) => ({ href: a.getAttribute('href'), url: a.href, text: a.textContent.trim().slice(0, 60) }));
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const h1 = main.querySelector('h1');

  return {
    theme: document.documentElement.className,
    brokenImages,
    figures,
    katex: document.querySelectorAll('.katex').length,
    katexErrors: [...document.querySelectorAll('.katex-error')].map((e) => e.textContent.slice(0, 80)),
    rawMath,
    repeated,
    links,
    ids,
    title: h1 ? h1.textContent.trim() : '',
  };
})()
