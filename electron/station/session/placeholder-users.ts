import type { Role } from '../../../shared/domain/roles';
import { hashPin } from './pin-hash';

export interface StationUser {
  id: string;
  name: string;
  role: Role;
  badge: string;
  pinHash: string;
}

/**
 * Until the hub brings real users, every station knows these four (one per role). PINs and badges are printed in
 * the README so a newcomer can sign in.
 */
export function placeholderUsers(): StationUser[] {
  const user = (id: string, name: string, role: Role, badge: string, pin: string): StationUser => ({
    id,
    name,
    role,
    badge,
    pinHash: hashPin(pin),
  });
  return [
    user('u-clerk', '田中 花子', 'clerk', 'BADGE-0001', '1111'),
    user('u-packer', '佐藤 健', 'packer', 'BADGE-0002', '2222'),
    user('u-supervisor', '鈴木 一郎', 'supervisor', 'BADGE-0003', '3333'),
    user('u-admin', '高橋 管理', 'admin', 'BADGE-0004', '4444'),
  ];
}
