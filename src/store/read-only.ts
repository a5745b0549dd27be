// A role that may only read (on a server: GRANT SELECT). Its own module: the command line
// refuses with it without loading the server's driver.

/** Every writing command (and key) is refused with this, before its input is read. */
export class ReadOnlyError extends Error {
  constructor(where: string, doing: string) {
    super(`Trên máy chủ ${where} bạn chỉ có quyền xem: không ${doing} được. Nếu cần, hãy nhờ người quản trị cấp quyền ghi.`);
  }
}

/** What the UI says on a key that would write, for a reader. */
export const READ_ONLY_REASON = 'chỉ có quyền xem trên máy chủ này';
