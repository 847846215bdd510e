/** The HTTP status of `GET url`, or undefined when nothing answered within `timeoutMs`. */
export async function httpStatus(
  url: string,
  timeoutMs = 3000,
  headers: Record<string, string> = {},
): Promise<number | undefined> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}
