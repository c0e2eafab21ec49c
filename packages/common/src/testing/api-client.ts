// fetch() against a running HTTP service, returning status, headers and the parsed envelope; tokens are optional
// per call. `path` is taken from the service root when it starts with `/.well-known`, else from `/api/v1`.

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiClient {
  get<T = any>(path: string, token?: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body: unknown, token?: string): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, token?: string): Promise<ApiResponse<T>>;
}

export function apiClient(baseUrl: string): ApiClient {
  async function send(method: string, path: string, body: unknown, token: string | undefined, extra: Record<string, string> = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const url = path.startsWith('/.well-known') ? `${baseUrl}${path}` : `${baseUrl}/api/v1${path}`;
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  }
  return {
    get: (path, token) => send('GET', path, undefined, token),
    post: (path, body, token, headers) => send('POST', path, body ?? {}, token, headers),
    patch: (path, body, token) => send('PATCH', path, body, token),
    delete: (path, token) => send('DELETE', path, undefined, token),
  };
}
