import { roles } from '../domain/roles';

/** Who may call the hub: the floor roles, sellers (through the seller-side API and CLI), and stations as machines. */
export const hubRoles = [...roles, 'seller', 'station'] as const;
export type HubRole = (typeof hubRoles)[number];

/** Roles that are people with a PIN (stations authenticate with their own secret). */
export const personRoles = [...roles, 'seller'] as const;
export type PersonRole = (typeof personRoles)[number];

export const hubLanguages = ['ja', 'en', 'zh-CN', 'ko'] as const;
export type HubLanguage = (typeof hubLanguages)[number];
