// A team's name for narrow columns and one-row messages. Pure.

const PREFIX = /^Tổ\s+(CNSCĐ|CĐSCĐ|CĐS|CNS|Công nghệ số cộng đồng|Chuyển đổi số cộng đồng)\s+(.+)$/iu;

/** "Tổ CNSCĐ TDP Đông Sơn" → "TDP Đông Sơn": the prefix every team shares says nothing there. */
export function displayName(name: string): string {
  const m = PREFIX.exec(name);
  return m ? m[2]! : name;
}
