// What every page can reach: the signed-in workspace, the bots, feedback (toasts, confirmations).
import { createContext, useContext } from './lib/html.js';

/**
 * @typedef {{ id: number, name: string, timeZone: string }} Bot
 * @typedef {{
 *   me: { workspace: { id: number, name: string }, memberId: number | null },
 *   bots: Bot[],
 *   reloadBots: () => Promise<Bot[]>,
 *   toast: (message: string, tone?: 'good' | 'bad' | 'info') => void,
 *   confirm: (options: { title: string, message?: string, confirmLabel?: string, danger?: boolean }) => Promise<boolean>,
 *   logout: () => Promise<void>,
 * }} AppContextValue
 */

export const AppContext = createContext(/** @type {AppContextValue | null} */ (null));

/** @returns {AppContextValue} */
export function useApp() {
  return useContext(AppContext);
}
