// The first-run card: the reviewer's name and e-mail (or a team backend, which supplies them) before any work is done.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { identitySchema } from '@/lib/model';
import { remoteDb as db } from '@/lib/service';
import { takeFocusWhenShown } from './focus';

export function FirstRun({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => takeFocusWhenShown(() => first.current), []);

  const save = (): void => {
    const parsed = identitySchema.safeParse({ name: name.trim(), email: email.trim() });
    if (!parsed.success || !parsed.data.name || !parsed.data.email) {
      setProblem(t('firstRun.invalid'));
      return;
    }
    // Once saved, the settings are read again (the database says it changed) and the review can start.
    db.saveIdentity(parsed.data).then(
      () => setProblem(null),
      (error: unknown) => setProblem(notSavedText(t, { kind: 'settings' }, error)),
    );
  };

  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.body')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label for="first-run-name">{t('firstRun.name')}</label>
        <input ref={first} id="first-run-name" type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="first-run-email">{t('firstRun.email')}</label>
        <input
          id="first-run-email"
          type="email"
          autocomplete="email"
          value={email}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'first-run-problem' : undefined}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        {problem && (
          <p id="first-run-problem" class="error-text" role="alert">
            {problem}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t('firstRun.save')}
          </button>
          <button type="button" onClick={onOpenSettings}>
            {t('firstRun.backend')}
          </button>
        </div>
      </form>
    </section>
  );
}
