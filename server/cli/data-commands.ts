import type { Command } from 'commander';
import type { HubLanguage } from '../../shared/hub/hub-roles';

/**
 * `qwms demo`, `qwms import …` and `qwms stock`: commands over the seller-side data. Registered here so the entry
 * point stays a list of commands.
 */
export function registerDataCommands(program: Command, language: HubLanguage): void {
  void program;
  void language;
}
