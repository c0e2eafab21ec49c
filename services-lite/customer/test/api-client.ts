// fetch() against the running service, returning status and parsed envelope; paths are taken from /api/v1.

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export interface ApiClient {
  get<T = any>(path: string, token?: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body: unknown, token?: string): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body: unknown, token?: string): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, token?: string): Promise<ApiResponse<T>>;
}

export function apiClient(baseUrl: string): ApiClient {
  async function send(method: string, path: string, body: unknown, token: string | undefined): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  }
  return {
    get: (path, token) => send('GET', path, undefined, token),
    post: (path, body, token) => send('POST', path, body, token),
    patch: (path, body, token) => send('PATCH', path, body, token),
    delete: (path, token) => send('DELETE', path, undefined, token),
  };
}
