// The district's towns and streets (镇/街道), offered as suggestions; a parcel's town stays free text
// so a renamed or new street never blocks registration.
export const DISTRICT_TOWNS = [
  "凤桥镇",
  "新丰镇",
  "余新镇",
  "大桥镇",
  "七星街道",
  "东栅街道",
  "城南街道",
  "建设街道",
  "解放街道",
  "南湖街道",
  "新嘉街道",
  "新兴街道",
  "长水街道",
] as const;

const collator = new Intl.Collator("zh-CN");

// Characters the pinyin collation reads otherwise than a place name does: ICU sorts 长 as zhǎng, but 长水街道 is
// Chángshuǐ. Each is compared as a character of the place-name reading (常 cháng), and only for sorting.
const PLACE_READINGS: Record<string, string> = { 长: "常" };
const readingKey = (name: string) => name.replace(/./gu, (ch) => PLACE_READINGS[ch] ?? ch);

/** Towns in pinyin order by their place-name reading, as officials expect lists sorted. */
export function sortTowns<T extends string>(towns: readonly T[]): T[] {
  return [...towns].sort((a, b) => collator.compare(readingKey(a), readingKey(b)) || collator.compare(a, b));
}
