/** Direct GraphQL calls, for tests that set up or check data behind the browser's back. */
import { inject } from 'vitest';

export async function apiAs<T>(
  role: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const call = async (body: unknown, token?: string) => {
    const res = await fetch(inject('apiUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: T; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data as T;
  };
  const login = await call({
    query: `mutation ($e: String!) { login(email: $e, password: "handover-demo") { ... on LoginSuccess { token } } }`,
    variables: { e: `${role}@handover.example` },
  });
  const token = (login as unknown as { login: { token: string } }).login.token;
  return call({ query, variables }, token);
}

export interface OpenItem {
  id: string;
  ref: string;
  title: string;
  status: string;
  version: number;
}

/** Open day-one critical items that nothing blocks, of the demo EDITOR's workstreams: ones they can complete straight away. */
export async function completableItems(): Promise<OpenItem[]> {
  const data = await apiAs<{
    programmes: {
      edges: {
        node: {
          checklistItems: { edges: { node: OpenItem & { viewerCanEdit: boolean; blockedBy: unknown[] } }[] };
        };
      }[];
    };
  }>(
    'editor',
    `{ programmes(first: 1) { edges { node { checklistItems(first: 200, filter: { dayOneCritical: true, statuses: [IN_PROGRESS, NOT_STARTED] }) {
      edges { node { id ref title status version viewerCanEdit blockedBy { id } } } } } } } }`,
  );
  return data.programmes.edges[0]!.node.checklistItems.edges.map((e) => e.node).filter(
    // The demo EDITOR may change it (it is of a workstream they lead), and so may an ADMIN.
    (n) => n.blockedBy.length === 0 && n.viewerCanEdit,
  );
}
