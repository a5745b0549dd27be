// listAllMembers (one JSON row for a whole database's members, read by a restore's checks) gives
// exactly what MEMBER_SELECT's rows give team by team: the same fields, types, nulls, dates and
// trainings, for names and notes holding quotes, backslashes and Vietnamese letters.
import { describe, expect, it } from 'vitest';
import { addMember, addTraining, getMember, listAllMembers, listMembers } from '../../src/db/members.js';
import { demoDb } from '../support/db.js';

describe('listAllMembers', () => {
  it('equals every team’s members read one by one, in team then id order', async () => {
    const db = await demoDb();
    const team = (await db.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 1')).rows[0]!.id;
    const odd = await addMember(db, team, {
      fullName: 'Nguyễn "Thị" \\ Ánh',
      role: 'thanh_vien',
      organisation: 'Hội "Phụ nữ" \\ xã',
      birthYear: 1990,
      phone: '0912 345 678',
      joinedOn: '2026-02-03',
      leftOn: '2026-11-30',
    });
    await addTraining(db, [odd], { heldOn: '2026-05-06', topic: 'Chữ ký số "cơ bản" \\ nâng cao' });
    await addTraining(db, [odd], { heldOn: '2026-03-04', topic: 'Dịch vụ công trực tuyến' });
    await addMember(db, team, { fullName: 'Lê Văn Bình', role: 'thanh_vien', organisation: null, birthYear: null, phone: null, joinedOn: null, leftOn: null });
    const all = await listAllMembers(db);
    const teams = (await db.query<{ id: number }>('SELECT id FROM team ORDER BY id')).rows;
    const oneByOne = [];
    for (const t of teams) oneByOne.push(...(await listMembers(db, t.id)).sort((a, b) => a.id - b.id));
    expect(all.length).toBeGreaterThan(10);
    expect(all).toEqual(oneByOne);
    expect(all.find((m) => m.id === odd)).toEqual(await getMember(db, odd));
    expect(all.find((m) => m.id === odd)!.trainings.map((t) => t.heldOn)).toEqual(['2026-03-04', '2026-05-06']);
    expect(all.some((m) => m.phone === null && m.birthYear === null && m.trainings.length === 0)).toBe(true);
  });

  it('is empty for a database with no member', async () => {
    const db = await demoDb();
    await db.exec('DELETE FROM training; DELETE FROM member');
    expect(await listAllMembers(db)).toEqual([]);
  });
});
