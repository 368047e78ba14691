// An editor's autosave, the one every editor that saves as the user types uses (a coaching session, a
// coaching form, a scorecard draft): an edit is saved after a pause in typing; what is still waiting is
// saved when the editor goes (another view, Close) or the page is hidden (a closed tab), never dropped;
// and saves run one after another, so an older edit never lands after a newer one.
import { useEffect, useRef } from 'preact/hooks';

/** The pause in typing after which an edit is saved. */
export const SAVE_DELAY_MS = 400;

export interface Autosave<T> {
  /** An edit, saved after the pause (`delay` 0: at once, for a deliberate step). */
  edit(value: T, delay?: number): void;
  /** Saves what is waiting now; true once it and every save before it are done and nothing waits. */
  flush(): Promise<boolean>;
  /** The edit not saved yet (waiting, or put back by a save that failed), if any. */
  waiting(): T | null;
  /** Forgets what is waiting (the user chose to leave without it). */
  drop(): void;
  /** Runs `write` after the saves before it, in the same line (publishing after the last draft). */
  after<R>(write: () => Promise<R>): Promise<R>;
}

/**
 * `save` writes one value, and rejects when it did not: the value then waits again (unless a newer
 * edit came meanwhile), for the next edit, flush or leaving. The newest `save` given is the one used,
 * so it may close over the page's current state. `refuses` tells a value `save` would refuse (a draft
 * the checks do not pass yet): closing the tab while one waits asks first, since it cannot be saved
 * on the way out.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, { refuses }: { refuses?: (value: T) => boolean } = {}): Autosave<T> {
  const latest = useRef(save);
  latest.current = save;
  const refusing = useRef(refuses);
  refusing.current = refuses;
  const made = useRef<Autosave<T> | null>(null);
  if (made.current === null) {
    let waiting: T | null = null;
    let timer: number | undefined;
    let line: Promise<unknown> = Promise.resolve();
    const flush = (): Promise<boolean> => {
      window.clearTimeout(timer);
      const value = waiting;
      if (value === null) return line.then(() => waiting === null);
      waiting = null;
      const done = line
        .then(() => latest.current(value))
        .then(
          () => waiting === null,
          () => {
            waiting ??= value;
            return false;
          },
        );
      line = done;
      return done;
    };
    made.current = {
      edit(value, delay = SAVE_DELAY_MS) {
        waiting = value;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => void flush(), delay);
      },
      flush,
      waiting: () => waiting,
      drop() {
        window.clearTimeout(timer);
        waiting = null;
      },
      after(write) {
        const run = line.then(write);
        line = run.catch(() => undefined);
        return run;
      },
    };
  }
  const autosave = made.current;
  useEffect(() => {
    const onPageHide = () => void autosave.flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const value = autosave.waiting();
      if (value !== null && refusing.current?.(value)) {
        event.preventDefault();
        event.returnValue = '';
      } else void autosave.flush();
    };
    window.addEventListener('pagehide', onPageHide);
    // Only for editors whose saves can refuse: a beforeunload listener costs the others nothing it gives.
    if (refusing.current) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void autosave.flush();
    };
  }, []);
  return autosave;
}
