// HTML's void elements: they never have content or an end tag.
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** One element as the HTML parser saw it: its attributes (any order) and the text inside it. */
export type Element = { attrs: Record<string, string>; text: string };

/**
 * The elements of `html` matching a CSS `selector`, parsed by the Workers runtime's own HTML parser
 * (HTMLRewriter) — so a test asserts on the element and its attributes, never on how they happen to
 * be spelled or ordered in the markup.
 */
export async function select(html: string, selector: string): Promise<Element[]> {
  const found: Element[] = [];
  const rewriter = new HTMLRewriter().on(selector, {
    element(e) {
      const el: Element = { attrs: Object.fromEntries(e.attributes), text: "" };
      found.push(el);
      // Text inside the element arrives through the text handler below while it is open; a void
      // element (input, br) has no content and no end tag.
      if (VOID.has(e.tagName)) return;
      open.push(el);
      e.onEndTag(() => {
        open.splice(open.indexOf(el), 1);
      });
    },
    text(t) {
      for (const el of open) el.text += t.text;
    },
  });
  const open: Element[] = [];
  await rewriter.transform(new Response(html)).text();
  return found;
}

/** The one element matching `selector`; fails the test when there are none or several. */
export async function one(html: string, selector: string): Promise<Element> {
  const all = await select(html, selector);
  if (all.length !== 1) throw new Error(`expected one element for ${selector}, found ${all.length}`);
  return all[0];
}

/** The value attribute of the one element matching `selector`. */
export async function valueOf(html: string, selector: string): Promise<string | undefined> {
  return (await one(html, selector)).attrs.value;
}

/** The label → value pairs of the page's definition lists (each <dt> with the <dd> after it), as text. */
export async function definitions(html: string): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  let side: 0 | 1 | null = null;
  const handlers = (which: 0 | 1): HTMLRewriterElementContentHandlers => ({
    element(e) {
      if (which === 0) pairs.push(["", ""]);
      side = pairs.length ? which : null;
      e.onEndTag(() => {
        side = null;
      });
    },
    text(t) {
      if (side !== null) pairs[pairs.length - 1][side] += t.text;
    },
  });
  await new HTMLRewriter().on("dt", handlers(0)).on("dd", handlers(1)).transform(new Response(html)).text();
  return pairs.map(([dt, dd]) => [dt.trim(), dd.trim()]);
}
