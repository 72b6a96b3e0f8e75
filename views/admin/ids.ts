/** The element htmx swaps after any user-admin form: the whole panel, so list and forms stay in step. */
export const ADMIN_USERS_ID = "admin-users";
/** The security log's table and pager, swapped by the pager links. */
export const SECURITY_LOG_ID = "security-log";
