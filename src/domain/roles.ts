// Roles of members and API keys, from least to most. Each role may do everything the roles below it may.
import { AppError } from './errors.ts';

export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** 403 naming the role needed; `what` says what was attempted. */
export function requireRole(role: Role, needed: Role, what: string): void {
  if (!roleAtLeast(role, needed)) throw new AppError('forbidden', 'forbidden', `${what} needs the ${needed} role; this caller is ${role}`);
}
