import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/contract/schemas';
import { errorText } from '../../ui/error-text';
import { useStationStatus } from '../shell/status-store';
import { useSession } from './session-store';

export function SignInScreen() {
  const { t } = useTranslation();
  const users = useSession((state) => state.users);
  const failure = useSession((state) => state.failure);
  const [chosen, setChosen] = useState<User | null>(null);
  // With the hub away, sign-in still works for people this station has seen: said before anyone tries.
  const hubAway = useStationStatus((state) => state.status !== null && state.status.hub.state === 'offline');

  return (
    <section className="screen sign-in" data-testid="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p className="hint">{t('signIn.hint')}</p>
      {hubAway ? (
        <p className="hint warn" data-testid="sign-in-offline-hint">
          {t('signIn.offlineHint')}
        </p>
      ) : null}
      {failure ? (
        <p className="error" role="alert" data-testid="sign-in-error">
          {errorText(t, failure)}
        </p>
      ) : null}
      {chosen ? <PinForm user={chosen} onBack={() => setChosen(null)} /> : <UserChooser users={users} onChoose={setChosen} />}
    </section>
  );
}

function UserChooser({ users, onChoose }: { users: User[]; onChoose(user: User): void }) {
  const { t } = useTranslation();
  if (users.length === 0) return <p>{t('signIn.loading')}</p>;
  return (
    <div role="group" aria-label={t('signIn.chooseUser')} className="tile-grid">
      {users.map((user, index) => (
        <button key={user.id} type="button" className="tile" autoFocus={index === 0} data-testid={`user-${user.id}`} onClick={() => onChoose(user)}>
          <span className="tile-title">{user.name}</span>
          <span className="tile-sub">{t(`roles.${user.role}`)}</span>
        </button>
      ))}
    </div>
  );
}

function PinForm({ user, onBack }: { user: User; onBack(): void }) {
  const { t } = useTranslation();
  const signIn = useSession((state) => state.signIn);
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => event.key === 'Escape' && onBack();
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [onBack]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await signIn({ method: 'pin', userId: user.id, pin }))) {
      setPin('');
      input.current?.focus();
    }
  };

  return (
    <form className="pin-form" onSubmit={submit} data-testid="pin-form">
      <h2>{t('signIn.pinFor', { name: user.name })}</h2>
      <label>
        {t('signIn.pinLabel')}
        <input
          ref={input}
          autoFocus
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="\d{4,8}"
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          data-testid="pin-input"
        />
      </label>
      <div className="row">
        <button type="button" className="secondary" onClick={onBack}>
          {t('signIn.back')}
        </button>
        <button type="submit" className="primary" disabled={pin.length < 4} data-testid="pin-submit">
          {t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
