/**
 * Responsive hero images, without the image-processing code (pages import this; the media route
 * and uploads use lib/articles/media.ts).
 */

/** Widths the media route generates (`/media/<path>?w=640`); others are refused. */
export const RESPONSIVE_WIDTHS = [320, 640, 960, 1280, 1600, 2400] as const;

/** `srcset` for a stored image URL (`/media/…`), widths up to the image's own. */
export function heroSrcSet(url: string, width: number): string {
  const widths = RESPONSIVE_WIDTHS.filter((w) => w < width);
  return [...widths.map((w) => `${url}?w=${w} ${w}w`), `${url} ${width}w`].join(", ");
}

/**
 * `sizes` of the article page's hero: the article column is 40rem wide plus its gutters
 * (clamp(1rem, 4vw, 2rem) each side), full width below that.
 */
export const ARTICLE_HERO_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)";
