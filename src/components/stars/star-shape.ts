/**
 * The star, defined once: a five-pointed star in a 24-unit square, from its top point. After the
 * first point the outline is relative, so the same shape is placed anywhere by its start alone.
 * Each star spans x = 2.35 … 21.65 of its square.
 */
const OUTLINE = 'l2.95 6.1 6.7.93-4.87 4.68 1.19 6.64-5.97-3.18-5.97 3.18 1.19-6.64-4.87-4.68 6.7-.93z';

/** The left edge and the width of the star inside its square: where a fractional fill starts. */
export const STAR_LEFT = 2.35;
export const STAR_WIDTH = 19.3;

/** One star in a 24 × 24 box (the rating control's options). */
export const STAR_PATH = `M12 2.2${OUTLINE}`;

/** Five stars in one path, 24 units apart, in a 120 × 24 box (every star row). */
export const STARS_PATH = [0, 1, 2, 3, 4].map((i) => `M${12 + 24 * i} 2.2${OUTLINE}`).join('');
