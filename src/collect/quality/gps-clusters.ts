/** Earth's mean radius in metres (haversine distances). */
const EARTH_M = 6_371_008.8;

/** Distance in metres between two points given in degrees (haversine). */
export function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How many of one enumerator's interview locations lie within `radius` metres of another of their
 * interviews: households are apart, so many interviews "at the same spot" suggest they were filled
 * in at one place (a tea house, home). Quadratic, fine for one enumerator's few hundred interviews.
 * @example clusteredPoints([{latitude: 0, longitude: 0}, {latitude: 0, longitude: 0.00001}, {latitude: 1, longitude: 1}], 15) // 2
 */
export function clusteredPoints(points: readonly { latitude: number; longitude: number }[], radius: number): number {
  let clustered = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = 0; j < points.length; j++) {
      if (i !== j && metresBetween(points[i], points[j]) <= radius) {
        clustered++;
        break;
      }
    }
  }
  return clustered;
}
