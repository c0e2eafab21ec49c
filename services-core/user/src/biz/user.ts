// Staff users as the domain sees them: no storage, no transport.
export type UserStatus = 'active' | 'suspended';

export interface User {
  id: string;
  email: string;
  name: string;
  status: UserStatus;
  /** Role names, sorted. */
  roles: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  email: string;
  name: string;
  roleIds: string[];
}

export interface UserChanges {
  email?: string;
  name?: string;
  status?: UserStatus;
}

export interface UserFilter {
  status?: UserStatus;
  /** Case-insensitive substring of email or name. */
  query?: string;
  role?: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface UserPage {
  users: User[];
  total: number;
}

/** Emails compare case-insensitively; they are stored as given, trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim();
}

/** A suspended user keeps its roles but holds no permission until reactivated. */
export function holdsPermissions(user: Pick<User, 'status'>): boolean {
  return user.status === 'active';
}
