import type { NewUser } from '../services/users';

/** The people of the demo warehouse; the README prints their PINs and badges. */
export const demoStaff: NewUser[] = [
  { id: 'u-clerk', name: '田中 花子', role: 'clerk', pin: '1111', badge: 'BADGE-0001' },
  { id: 'u-packer', name: '佐藤 健', role: 'packer', pin: '2222', badge: 'BADGE-0002' },
  { id: 'u-supervisor', name: '鈴木 一郎', role: 'supervisor', pin: '3333', badge: 'BADGE-0003' },
  // A second supervisor: a count above the two-badge threshold needs another supervisor's badge.
  { id: 'u-supervisor-2', name: '伊藤 美咲', role: 'supervisor', pin: '7777', badge: 'BADGE-0005' },
  { id: 'u-admin', name: '高橋 管理', role: 'admin', pin: '4444', badge: 'BADGE-0004' },
];
