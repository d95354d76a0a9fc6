/** An absolute http(s) URL, nothing else (no javascript:, data:, file:, chrome-extension: …): the one test of a link before it reaches the DOM or a request. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
