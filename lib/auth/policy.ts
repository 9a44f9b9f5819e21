/** Account rules shared by server code and forms (no server-only imports here). */
export const PASSWORD_MIN_LENGTH = 12;
