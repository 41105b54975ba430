export interface RepoRef {
  owner: string;
  name: string;
}

export interface GitHubIssue {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  createdAt: string;
}

export interface GitHubComment {
  id: number;
  url: string;
  body: string;
}

export interface GitHubRepo {
  fullName: string;
  private: boolean;
  hasIssues: boolean;
  canPush: boolean;
  url: string;
}

export function parseRepo(value: string): RepoRef {
  const [owner, name, ...rest] = value.split('/');
  if (!owner || !name || rest.length) throw new Error(`"${value}" is not an owner/name repository`);
  return { owner, name };
}
