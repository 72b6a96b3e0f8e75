import { CSS } from "./style.css";

// FNV-1a over the stylesheet: the file name changes whenever its content does, so it can be cached for a year.
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export const STYLE_FILE = `style.${fnv1a(CSS)}.css`;
export const STYLE_PATH = `/assets/${STYLE_FILE}`;
export { CSS };
