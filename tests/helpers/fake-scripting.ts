/**
 * In-memory `browser.scripting` (fake-browser throws "not implemented" for it), strict like Chrome:
 * - `registerContentScripts`: ids non-empty, not starting with '_', unique (against what is registered
 *   and within the call), matches valid and non-empty, js files that exist in the build; all-or-nothing;
 * - `unregisterContentScripts({ ids })` throws for an id that is not registered; all-or-nothing;
 * - `getRegisteredContentScripts` reports defaults the way Chrome does;
 * - `executeScript` needs a tab, exactly one of files/func, and access to the tab's page (a granted
 *   host permission, or activeTab for that tab); every injection is recorded in `injections`.
 * `simulateUpdate()` wipes all registrations (what an extension update does to dynamic scripts);
 * `simulateRestart()` drops those not persisted across sessions.
 */
import type { FakePermissions } from './fake-permissions';
import { assertMatchPattern } from './fake-permissions';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  allFrames?: boolean;
  matchOriginAsFallback?: boolean;
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
  world?: 'ISOLATED' | 'MAIN';
}

export interface Injection {
  tabId: number;
  url: string;
  allFrames: boolean;
  files: string[];
  func: boolean;
}

export interface FakeScriptingOptions {
  permissions: FakePermissions;
  /** Looks a tab up (fakeBrowser.tabs.get); resolves undefined/throws for a missing tab. */
  getTab: (tabId: number) => Promise<{ id?: number; url?: string } | undefined>;
  /** Files present in the build (extension-root relative); when given, unknown files are refused. */
  files?: string[];
}

const RUN_AT = new Set(['document_start', 'document_end', 'document_idle']);
const norm = (f: string) => f.replace(/^\//, '');

export class FakeScripting {
  readonly injections: Injection[] = [];
  private readonly scripts = new Map<string, Required<Pick<RegisteredScript, 'id'>> & RegisteredScript>();
  private readonly activeTabs = new Set<number>();

  constructor(private readonly opts: FakeScriptingOptions) {}

  private validate(s: RegisteredScript, forUpdate = false): void {
    if (typeof s.id !== 'string' || s.id === '') throw new Error('Script ID must not be empty.');
    if (s.id.startsWith('_')) throw new Error(`Script with ID '${s.id}' must not start with '_'`);
    if (!forUpdate || s.matches !== undefined) {
      if (!s.matches || s.matches.length === 0) throw new Error(`Script with ID '${s.id}' must specify 'matches'.`);
      s.matches.forEach(assertMatchPattern);
    }
    if (!forUpdate || s.js !== undefined || s.css !== undefined) {
      if ((s.js ?? []).length === 0 && (s.css ?? []).length === 0) {
        throw new Error(`Script with ID '${s.id}' must specify at least one js or css file.`);
      }
    }
    for (const f of [...(s.js ?? []), ...(s.css ?? [])]) {
      if (this.opts.files && !this.opts.files.map(norm).includes(norm(f))) {
        throw new Error(`Could not load file: '${f}'.`);
      }
    }
    if (s.runAt !== undefined && !RUN_AT.has(s.runAt)) throw new Error(`Invalid runAt '${String(s.runAt)}'`);
  }

  async registerContentScripts(scripts: RegisteredScript[]): Promise<void> {
    const seen = new Set<string>();
    for (const s of scripts) {
      this.validate(s);
      if (this.scripts.has(s.id) || seen.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      seen.add(s.id);
    }
    for (const s of scripts) this.scripts.set(s.id, structuredClone(s));
  }

  async getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]> {
    return [...this.scripts.values()]
      .filter((s) => !filter?.ids || filter.ids.includes(s.id))
      .map((s) => ({
        allFrames: false,
        matchOriginAsFallback: false,
        persistAcrossSessions: true,
        runAt: 'document_idle',
        world: 'ISOLATED',
        ...structuredClone(s),
      }));
  }

  async unregisterContentScripts(filter?: { ids?: string[] }): Promise<void> {
    if (!filter?.ids) {
      this.scripts.clear();
      return;
    }
    for (const id of filter.ids) if (!this.scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
    for (const id of filter.ids) this.scripts.delete(id);
  }

  async updateContentScripts(scripts: RegisteredScript[]): Promise<void> {
    for (const s of scripts) {
      if (!this.scripts.has(s.id)) throw new Error(`Script with ID '${s.id}' does not exist or is not fully registered`);
      this.validate({ ...this.scripts.get(s.id)!, ...s }, true);
    }
    for (const s of scripts) this.scripts.set(s.id, { ...this.scripts.get(s.id)!, ...structuredClone(s) });
  }

  async executeScript(injection: {
    target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
    files?: string[];
    func?: (...args: unknown[]) => unknown;
    args?: unknown[];
  }): Promise<{ frameId: number; result: unknown }[]> {
    const hasFiles = (injection.files?.length ?? 0) > 0;
    if (hasFiles === !!injection.func) throw new Error("Exactly one of 'func' and 'files' must be specified");
    for (const f of injection.files ?? []) {
      if (this.opts.files && !this.opts.files.map(norm).includes(norm(f))) throw new Error(`Could not load file: '${f}'.`);
    }
    let tab: { id?: number; url?: string } | undefined;
    try {
      tab = await this.opts.getTab(injection.target.tabId);
    } catch {
      tab = undefined;
    }
    if (!tab) throw new Error(`No tab with id: ${injection.target.tabId}.`);
    const url = tab.url ?? '';
    if (!this.activeTabs.has(injection.target.tabId) && !this.opts.permissions.canAccessUrl(url)) {
      throw new Error(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      );
    }
    this.injections.push({
      tabId: injection.target.tabId,
      url,
      allFrames: injection.target.allFrames ?? false,
      files: (injection.files ?? []).map(norm),
      func: !!injection.func,
    });
    return [{ frameId: 0, result: injection.func ? injection.func(...(injection.args ?? [])) : undefined }];
  }

  /** The user invoked the extension on this tab (opened the popup): activeTab applies until it navigates. */
  grantActiveTab(tabId: number): void {
    this.activeTabs.add(tabId);
  }
  /** The tab navigated to another page: activeTab ends. */
  revokeActiveTab(tabId: number): void {
    this.activeTabs.delete(tabId);
  }
  /** An extension update: Chrome removes every dynamically registered content script. */
  simulateUpdate(): void {
    this.scripts.clear();
  }
  /** A browser restart: registrations not persisted across sessions are gone. */
  simulateRestart(): void {
    for (const [id, s] of this.scripts) if (s.persistAcrossSessions === false) this.scripts.delete(id);
  }
}

/** Puts a FakeScripting in place of `fakeBrowser.scripting`. */
export function installFakeScripting(
  fakeBrowser: { tabs: { get(tabId: number): Promise<{ id?: number; url?: string }> } },
  opts: Omit<FakeScriptingOptions, 'getTab'> & Partial<Pick<FakeScriptingOptions, 'getTab'>>,
): FakeScripting {
  const fake = new FakeScripting({ getTab: (id) => fakeBrowser.tabs.get(id), ...opts });
  (fakeBrowser as unknown as Record<string, unknown>).scripting = fake;
  return fake;
}
