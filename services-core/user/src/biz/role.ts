// Roles bundle permissions; users hold roles. Permission names are `<resource>.<action>`.
export interface Role {
  id: string;
  name: string;
  description: string;
  /** Permission names, sorted. */
  permissions: string[];
  createdAt: Date;
}

export interface NewRole {
  name: string;
  description: string;
  permissions: string[];
}

export interface Permission {
  name: string;
  description: string;
}

export const ROLE_NAME_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;
export const PERMISSION_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** The role a bootstrapped first user gets. */
export const ADMIN_ROLE = 'admin';
