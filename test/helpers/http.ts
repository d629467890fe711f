/** An HTTP answer as API tests read it: status, headers, the raw text, and the JSON if any. */
export interface Answer<J = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: J;
}

export async function readAnswer<J = unknown>(response: Response): Promise<Answer<J>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as J };
}
