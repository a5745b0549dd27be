// A small commune for the release runs: the three CSV imports the officer makes, in Vietnamese,
// with CRLF and a BOM as Excel writes them, and a blank cell, a missing form, a late team.
export const PLAN = 'phu-van-2026';
export const UNIT = 'Phường Phù Vân';
export const AS_OF = '2026-11';

export const TEAMS_CSV =
  '\ufeffma_to,ten_to,dia_ban,loai_dia_ban,so_ho,so_nguoi_truong_thanh,cap\r\n' +
  'TDP01,Tổ CNSCĐ TDP Đồng Tâm,Tổ dân phố Đồng Tâm,tổ dân phố,212,540,tổ dân phố\r\n' +
  'TDP02,Tổ CNSCĐ TDP Hưng Đạo,Tổ dân phố Hưng Đạo,tổ dân phố,180,460,tổ dân phố\r\n' +
  'TDP03,"Tổ CNSCĐ TDP Lê Lợi, khu 3",Tổ dân phố Lê Lợi,tổ dân phố,95,230,tổ dân phố\r\n' +
  'PHUONG,Tổ CNSCĐ phường,Phường Phù Vân,,,,phường\r\n';

export const MEMBERS_CSV =
  '\ufeffma_to,ho_ten,vai_tro,to_chuc,nam_sinh,dien_thoai,ngay_tham_gia,ngay_tap_huan\r\n' +
  'TDP01,Nguyễn Thị Hằng,Tổ trưởng,Chi hội Phụ nữ,1978,0912345678,,20/12/2025\r\n' +
  'TDP01,Trần Văn Đức,Tổ phó,Đoàn Thanh niên,1996,,,20/12/2025\r\n' +
  'TDP01,Lê Minh Châu,Thành viên,,2001,,01/06/2026,\r\n' +
  'TDP02,Phạm Quốc Việt,Tổ trưởng,,1969,,,10/02/2026\r\n' +
  'TDP02,Đỗ Thu Hà,Thành viên,Hội Cựu chiến binh,1959,,,\r\n' +
  'TDP03,Vũ Ngọc Ánh,to truong,,1990,,,07/07/2026\r\n' +
  'PHUONG,Hoàng Văn Sơn,Tổ trưởng,UBND phường,1975,,,20/12/2025\r\n' +
  'PHUONG,Bùi Thị Lụa,Thành viên,,1988,,,\r\n';

const CODES = [
  'ho_huong_dan',
  'luot_ho_tro',
  'ho_dung_nen_tang',
  'ho_tuyen_truyen',
  'vneid_muc2',
  'ho_so_dvc',
  'chu_ky_so',
  'tk_thanh_toan',
  'ocop_len_san',
  'nguoi_pho_cap',
  'nguoi_co_smartphone',
  'ngay_hoat_dong',
  'gio_hoat_dong',
];

function figures(): string {
  const rows = [`\ufeffma_to,thang,${CODES.join(',')},ngay_nhan,ghi_chu`];
  const months = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  ['TDP01', 'TDP02', 'TDP03', 'PHUONG'].forEach((team, t) => {
    months.forEach((month, m) => {
      if (team === 'TDP03' && m >= 8) return; // a team that stopped reporting in September
      if (team === 'TDP02' && m === 4) return; // one missing form
      const raw = CODES.map((_, c) => ((t + 1) * 7 + m * 3 + c * 5) % 41);
      // Days within any month and at most 8 hours a day: impossible values are refused (#10).
      const days = 1 + ((raw[CODES.indexOf('ngay_hoat_dong')] ?? 0) % 20);
      const values = CODES.map((code, c) => {
        if (team === 'TDP02' && c === 5 && m === 2) return '';
        if (code === 'ngay_hoat_dong') return String(days);
        if (code === 'gio_hoat_dong') return String((raw[c] ?? 0) % (8 * days));
        return String(raw[c] ?? 0);
      });
      const received = `${String(5 + t).padStart(2, '0')}/${String(m + 2).padStart(2, '0')}/2026`; // early the next month
      rows.push(`${team},${month},${values.join(',')},${m === 10 ? '' : received},${m === 0 ? '"Ghi chú: ""tháng đầu"""' : ''}`);
    });
  });
  return rows.join('\r\n') + '\r\n';
}

export const FIGURES_CSV = figures();
