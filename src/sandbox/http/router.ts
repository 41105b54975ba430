/** A REST route table shared by the GitHub and Pylon emulators: `METHOD /path/{param}` → operation name + handler. */

export interface RouteMatch<H> {
  readonly operation: string;
  readonly handler: H;
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The pattern as registered, e.g. `/repos/{owner}/{repo}/issues`. */
  readonly pattern: string;
}

export type RouteLookup<H> =
  | { readonly kind: 'found'; readonly match: RouteMatch<H> }
  /** The path exists but not for this method. */
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

interface Route<H> {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  operation: string;
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, operation: string, handler: H): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param) {
          names.push(param[1]!);
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), pattern, regex: new RegExp(`^${source}/?$`), names, operation, handler });
    return this;
  }

  lookup(method: string, path: string): RouteLookup<H> {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1]!);
      });
      return { kind: 'found', match: { operation: route.operation, handler: route.handler, params, pattern: route.pattern } };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }

  /** The operation name for a request, so faults can match on it before the handler runs. */
  operationOf(method: string, path: string): string | undefined {
    const found = this.lookup(method, path);
    return found.kind === 'found' ? found.match.operation : undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
