export interface FoundBrowser {
  name: string;
  executable: string;
  driver?: string;
}
export function findBrowser(name: 'chromium' | 'firefox' | 'webkit'): FoundBrowser;
export function startWebKitDriver(browser: FoundBrowser): Promise<number>;
export const CHROMIUM_ARGS: string[];
