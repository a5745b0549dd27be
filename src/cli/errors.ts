// Exit codes of the command-line contract: 0 done, 1 input or data refused, 2 command line wrong.
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/** The input or the data was refused: the message (Vietnamese) goes to stderr, exit 1. */
export class RefusedError extends Error {}

/** The command line itself was wrong: exit 2. */
export class UsageError extends Error {}
