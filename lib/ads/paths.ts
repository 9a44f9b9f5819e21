/** The public URLs of an ad slot: click counter, impression pixel, image and HTML creative. */

export function adClickPath(key: string): string {
  return `/ads/${encodeURIComponent(key)}/click`;
}

/** The 1×1 pixel an HTML creative's document loads: one impression each time it does. */
export function adImpressionPath(key: string): string {
  return `/ads/${encodeURIComponent(key)}/impression.gif`;
}

/** An image ad's picture, through its impression counter (lib/ads/impressions.ts). */
export function adImagePath(key: string): string {
  return `/ads/${encodeURIComponent(key)}/image`;
}

export function adCreativePath(key: string, version: number): string {
  return `/ads/${encodeURIComponent(key)}/creative?v=${version}`;
}
